/* must reject: powl (of <math.h>'s long double functions only fabsl and sqrtl are modelled) */
#include <stdio.h>
#include <math.h>

int main(void)
{
    long double big = 2;
    printf("%Lf\n", powl(big, 10));
    return 0;
}
