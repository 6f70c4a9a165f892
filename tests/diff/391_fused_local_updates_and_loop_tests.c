/* Loops whose test is a local against a constant or another local, and
   locals updated in place by a constant, at every width and signedness:
   what the interpreter fuses into single ops must count exactly as C. */
#include <stdio.h>

int main(void) {
    unsigned n = 0;
    for (unsigned u = 4294967290u; u != 4294967295u; u++)
        n++;
    printf("unsigned near the top: %u steps\n", n);
    int down = 0;
    for (int i = 10; i > -7; i -= 3)
        down += i;
    printf("down by 3: %d\n", down);
    long big = 0;
    for (long l = -3000000000L; l < -2999999990L; l += 2)
        big += l;
    printf("long past 32 bits: %ld\n", big);
    unsigned char c = 250;
    int wraps = 0;
    for (int k = 0; k < 10; k++) {
        c += 1;
        if (c == 0)
            wraps++;
    }
    printf("unsigned char wraps %d, now %d\n", wraps, c);
    signed char sc = 120;
    for (int k = 0; k < 10; k++)
        sc++;
    printf("signed char %d\n", sc);
    short sh = -32760;
    sh -= 10;
    printf("short %d\n", sh);
    unsigned x = 1;
    for (int k = 0; k < 40; k += 7)
        x <<= 3;
    printf("shifted %u\n", x);
    int bits = 0x0f0f;
    bits ^= 0xff;
    bits |= 0x10000;
    bits &= ~0x1;
    printf("bits %#x\n", bits);
    int lo = 3, hi = 9, m = 0;
    while (lo < hi) {
        lo++;
        hi--;
        m++;
    }
    printf("met after %d at %d %d\n", m, lo, hi);
    unsigned a = 5, b = 4000000000u;
    printf("unsigned compare %d\n", a < b);
    int s1 = -1;
    unsigned s2 = 1;
    printf("mixed compare %d\n", s1 < (int)s2);
    long total = 0;
    for (long i = 0; i <= 100000; i++)
        total += i;
    printf("sum to 100000: %ld\n", total);
    return 0;
}
