/* long double constants and types: L-suffixed decimal and hex
   constants (rounded once to the 80-bit format), <float.h>'s LDBL_*
   values, sizeof and _Alignof, struct layout, arrays, globals and
   static locals initialised with constant expressions. */
#include <stdio.h>
#include <stddef.h>
#include <float.h>

struct reading {
    char tag;
    long double value;
    int count;
};

long double table[] = { 1.0L, 0.1L, 1e-4000L, 0x1.23456789abcdef12p+100L, 3.14159265358979323846264338327950288L };
long double scaled = 1.5L * 4 - 0.25L / 2;
double narrowed = 0.1L;
int truncated = (int)(7.9L * 2);
long double from_int = 1234567890123456789LL;
struct reading first = { 'a', 2.5L, 3 };

int main(void)
{
    static long double calls = 0.5L;
    printf("%zu %zu %zu %zu %zu\n", sizeof(long double), _Alignof(long double), sizeof(struct reading),
           offsetof(struct reading, value), offsetof(struct reading, count));
    printf("%zu %zu %zu\n", sizeof table, sizeof(1.0L), sizeof(1.0L + 1));
    for (int i = 0; i < 5; i++)
        printf("%La %.30Lg\n", table[i], table[i]);
    printf("%La %a %d %La\n", scaled, narrowed, truncated, from_int);
    printf("%c %La %d\n", first.tag, first.value, first.count);
    calls += 1;
    printf("%Lg\n", calls);
    printf("%d %d %d %d %d\n", LDBL_MANT_DIG, LDBL_DIG, LDBL_DECIMAL_DIG, LDBL_MIN_EXP, LDBL_MAX_EXP);
    printf("%d %d\n", LDBL_MIN_10_EXP, LDBL_MAX_10_EXP);
    printf("%La %La\n%La %La\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON, LDBL_TRUE_MIN);
    printf("%.36Le\n%.36Le\n%.36Le\n%.36Le\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON, LDBL_TRUE_MIN);
    printf("%d %d\n", 1 + LDBL_EPSILON > 1, 1 + LDBL_EPSILON / 2 > 1);
    printf("%La %La %La %La\n", 1e4932L, 1.18973149535723176505e4932L, 0x1p-16445L, 0x1.8p-16444L);
    printf("%La %La %La\n", 0.1L, 0.2L, 0.1L + 0.2L);
    printf("%d %d\n", 0.1L + 0.2L == 0.3L, 0.1 + 0.2 == 0.3);
    return 0;
}
