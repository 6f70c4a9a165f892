/* long double arithmetic (the x87 80-bit format, rounded to 64 bits,
   nearest-even) over many operands, printed exactly (%La) and with
   21 significant digits: sums, differences, products, quotients,
   comparisons, rounding ties, overflow, denormals, NaN and signed zeros. */
#include <stdio.h>
#include <float.h>

static const char *cmp(long double a, long double b)
{
    if (a < b) return "<";
    if (a > b) return ">";
    if (a == b) return "==";
    return "unordered";
}

int main(void)
{
    long double v[] = {
        0.0L, -0.0L, 1.0L, -1.0L, 3.0L, 0.1L, 1.0L / 3, -2.5L, 1e10L, 123456789.123456789L,
        LDBL_MAX, LDBL_MIN, LDBL_TRUE_MIN, LDBL_EPSILON, 1 + LDBL_EPSILON, 0x1p63L, 0x1.8p-16400L,
        1e300L, 1e-300L, 7e4000L, 2.0L / 7,
    };
    int n = sizeof v / sizeof v[0];
    long double inf = 1.0L / 0.0L, nan = 0.0L / 0.0L;
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            long double a = v[i], b = v[j];
            printf("%d %d: %La %La %La %La %s\n", i, j, a + b, a - b, a * b, a / b, cmp(a, b));
        }
        printf("%d: %.21Lg %.21Lg %.21Lg %La %La\n", i, v[i], v[i] * v[i], -v[i] / 3, v[i] + inf, v[i] * nan);
    }
    /* Ties: 1 + 2^-64 is halfway between 1 and the next value up. */
    long double one = 1, half_ulp = 0x1p-64L;
    printf("%La %La %La\n", one + half_ulp, (one + 0x1p-63L) + half_ulp, one - half_ulp / 2);
    printf("%La %La\n", one + half_ulp + half_ulp, one + (half_ulp + half_ulp));
    printf("%La %La %La\n", inf - inf, inf * 0, 0 / (one - one));
    printf("%La %La %La\n", -0.0L + 0.0L, -0.0L - 0.0L, -0.0L * 5);
    printf("%La %La\n", LDBL_MAX * 2, LDBL_MIN / 0x1p10L);
    long double x = 1;
    for (int i = 0; i < 70; i++)
        x = x / 3 + 0.25L;
    printf("%La %.25Lg\n", x, x);
    return 0;
}
