/* <math.h>'s classification macros on long double values: classified in the
   80-bit format (1e4000L is normal, 1e-4940L subnormal), not as doubles. */
#include <stdio.h>
#include <math.h>
int main(void) {
    long double v[] = { 0.0L, -0.0L, 1e4000L, -1e4000L, 1e-4940L, 1.0L/0.0L, -1.0L/0.0L, 0.0L/0.0L, 1 };
    for (int i = 0; i < 9; i++)
        printf("%d %d %d %d %d %d\n", fpclassify(v[i]), isnan(v[i]), isinf(v[i]), isfinite(v[i]), isnormal(v[i]), signbit(v[i]) != 0);
    double d = -1e300; float f = 1e-40f;
    printf("%d %d %d %d %d\n", fpclassify(d), isinf(d * d), signbit(d) != 0, fpclassify(f), isinf(-d * d));
    return 0;
}
