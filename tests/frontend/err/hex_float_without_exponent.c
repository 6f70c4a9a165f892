/* must reject: a hexadecimal floating constant needs a binary exponent (0x1.8p0) */
#include <stdio.h>

int main(void)
{
    double d = 0x1.8;
    printf("%f\n", d);
    return 0;
}
