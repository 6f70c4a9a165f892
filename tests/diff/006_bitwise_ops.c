/* pins bitwise and, or, xor, not, and popcount/parity style loops */
#include <stdio.h>

static int popcount(unsigned int x)
{
    int n = 0;
    while (x) { x &= x - 1; n++; }
    return n;
}

int main(void)
{
    unsigned int a = 0xF0F0u, b = 0x0FF0u;
    printf("a&b=%x a|b=%x a^b=%x ~a=%x\n", a & b, a | b, a ^ b, ~a);
    int x = -6;
    printf("x&3=%d x|1=%d x^-1=%d ~x=%d\n", x & 3, x | 1, x ^ -1, ~x);
    printf("popcounts:");
    unsigned int vals[] = { 0, 1, 0xff, 0xdeadbeef, 0xffffffffu, 0x80000000u };
    for (unsigned int k = 0; k < sizeof vals / sizeof vals[0]; k++)
        printf(" %d", popcount(vals[k]));
    printf("\n");

    unsigned int flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 0;
    flags ^= 1u << 5;
    flags &= ~(1u << 0);
    printf("flags=%u (0x%X)\n", flags, flags);

    unsigned long m = 0xFFFF0000FFFF0000ul;
    printf("m&~m=%lu m^m=%lu\n", m & ~m, m ^ m);
    printf("lowest set bit of 96: %d\n", 96 & -96);
    printf("is power of two 64:%d 65:%d\n", (64 & 63) == 0, (65 & 64) == 0);

    unsigned char c = 0xB4;
    unsigned char rev = 0;
    for (int i = 0; i < 8; i++)
        if (c & (1 << i)) rev |= (unsigned char)(1 << (7 - i));
    printf("rev(0xB4)=0x%x\n", rev);
    printf("~(unsigned char)0=%d\n", ~(unsigned char)0);
    printf("!0=%d !5=%d !!-3=%d\n", !0, !5, !!-3);
    printf("xor swap:");
    int p = 12, q = 34;
    p ^= q; q ^= p; p ^= q;
    printf(" %d %d\n", p, q);
    return 0;
}
