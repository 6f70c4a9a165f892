/* Conversions to and from long double: every integer type, float and
   double both ways (rounding once, to nearest even), truncation towards
   zero, _Bool, and the values casts of out-of-range long doubles give
   on x86_64 (the x87's "integer indefinite"). */
#include <stdio.h>
#include <limits.h>

int main(void)
{
    long long ints[] = { 0, 1, -1, 42, -123456789, INT_MAX, INT_MIN, LLONG_MAX, LLONG_MIN, 1234567890123456789LL };
    for (int i = 0; i < 10; i++) {
        long double a = ints[i], b = (unsigned long long)ints[i], c = (int)ints[i], d = (unsigned)ints[i];
        printf("%lld: %.21Lg %.21Lg %.21Lg %.21Lg\n", ints[i], a, b, c, d);
    }
    long double v[] = { 0.5L, -0.5L, 2.75L, -2.75L, 1e9L, 3e9L, -3e9L, 1e19L, 1.8e19L, -1e19L, 1e30L, 0x1p63L, -0x1p63L,
                        4294967295.9L, 255.9L, -129.5L, 65536.5L };
    for (int i = 0; i < 17; i++) {
        volatile long double x = v[i];
        printf("%.21Lg: %d %u %ld %lu %d %d %hd %hu %d\n", x, (int)x, (unsigned)x, (long)x, (unsigned long)x,
               (signed char)(int)x, (unsigned char)(int)x, (short)(int)x, (unsigned short)(int)x, (_Bool)x);
    }
    volatile long double nan = 0.0L / 0.0L, inf = 1.0L / 0.0L;
    printf("%d %u %ld %lu %d\n", (int)nan, (unsigned)nan, (long)nan, (unsigned long)nan, (_Bool)nan);
    printf("%d %ld %lu\n", (int)inf, (long)-inf, (unsigned long)inf);
    double ds[] = { 0.1, 1.0 / 3, 1e308, 5e-324, -0.0, 2.2250738585072014e-308 };
    for (int i = 0; i < 6; i++) {
        long double x = ds[i];
        printf("%La %a %a\n", x, (double)x, (float)x);
    }
    long double ls[] = { 0.1L, 1.0L / 3, 1e4000L, 1e-4000L, 0x1.fffffffffffffp0L + 0x1p-53L, 0x1.00000000000008p0L,
                         0x1.00000000000018p0L, 0x1.000001p0L, 0x1.0000018p0L, 3.4028235678e38L, 1e-310L, 1e-40L };
    for (int i = 0; i < 12; i++) {
        double d = ls[i];
        float f = ls[i];
        printf("%a %a %La\n", d, f, (long double)f);
    }
    float f = 0.1f;
    double d = 0.1;
    long double mix = f + d + 0.1L;
    printf("%La %La %La\n", mix, f * 3.0L, d / 3.0L);
    printf("%d %d %d\n", 0.1L == 0.1, 0.5L == 0.5f, (long double)d == d);
    return 0;
}
