/* must reject: comparing a pointer with a floating value */
#include <stdio.h>

int main(void)
{
    int x = 1;
    int *p = &x;
    if (p == 1.0)
        printf("equal\n");
    return 0;
}
