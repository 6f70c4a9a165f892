/* must reject: duplicate case value 2 in switch */
#include <stdio.h>

int main(void)
{
    int x = 2;
    switch (x) {
    case 1: printf("one\n"); break;
    case 2: printf("two\n"); break;
    case 1 + 1: printf("also two\n"); break;
    }
    return 0;
}
