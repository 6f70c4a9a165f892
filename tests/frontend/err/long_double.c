/* must reject: long double (80-bit x87 extended precision is not modelled) */
#include <stdio.h>

int main(void)
{
    long double big = 1;
    printf("%d\n", (int)big);
    return 0;
}
