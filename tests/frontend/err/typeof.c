/* must reject: GNU __typeof__ / typeof is not in the subset */
#include <stdio.h>

int main(void)
{
    long a = 5;
    __typeof__(a) b = a * 2;
    printf("%ld\n", b);
    return 0;
}
