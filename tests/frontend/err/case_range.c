/* must reject: GNU case range `case 1 ... 5:`; list the cases or use if */
#include <stdio.h>

int main(void)
{
    int x = 3;
    switch (x) {
    case 1 ... 5: printf("small\n"); break;
    default: printf("big\n");
    }
    return 0;
}
