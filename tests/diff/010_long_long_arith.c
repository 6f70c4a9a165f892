/* pins 64-bit arithmetic: long and long long products, division, mixing with int */
#include <stdio.h>
#include <stdint.h>

static long long power(long long b, int e)
{
    long long r = 1;
    while (e-- > 0) r *= b;
    return r;
}

int main(void)
{
    long long a = 3037000499LL;
    printf("a*a=%lld\n", a * a);
    printf("2^62=%lld\n", power(2, 62));
    printf("-3^39=%lld\n", power(-3, 39));
    long big = 1L << 40;
    int small = 1000;
    printf("big*small=%ld\n", big * small);
    printf("big/small=%ld big%%small=%ld\n", big / small, big % small);
    int x = 100000;
    long wide = (long)x * x;                  /* no overflow: widened first */
    printf("wide=%ld\n", wide);
    uint64_t m = 6364136223846793005ull, s = 1;
    for (int i = 0; i < 5; i++) {
        s = s * m + 1442695040888963407ull;
        printf("lcg %d: %lu\n", i, s >> 33);
    }
    long long neg = -9223372036854775807LL - 1;
    printf("min=%lld min+1=%lld\n", neg, neg + 1);
    printf("min/-1 avoided, min/2=%lld\n", neg / 2);
    unsigned long long um = (unsigned long long)neg;
    printf("as unsigned=%lu\n", (unsigned long)um);
    long gcd_a = 1071L * 1000000007L, gcd_b = 462L * 1000000007L;
    while (gcd_b) { long t = gcd_a % gcd_b; gcd_a = gcd_b; gcd_b = t; }
    printf("gcd=%ld\n", gcd_a);
    return 0;
}
