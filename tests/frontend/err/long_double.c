/* must reject: long double; the subset has no floating point */
#include <stdio.h>

int main(void)
{
    long double big = 1;
    printf("%d\n", (int)big);
    return 0;
}
