/* pins conversions between widths: truncation, sign extension, zero extension (gcc wraps mod 2^N) */
#include <stdio.h>
#include <stdint.h>

int main(void)
{
    int big = 0x12345678;
    printf("(char)=%d (uchar)=%d (short)=%d (ushort)=%d\n",
           (char)big, (unsigned char)big, (short)big, (unsigned short)big);
    int v = 0x1ff80;
    printf("(signed char)0x1ff80=%d (short)0x1ff80=%d\n", (signed char)v, (short)v);

    signed char sc = -2;
    unsigned int ext = (unsigned int)sc;          /* sign-extended then reinterpreted */
    unsigned int zext = (unsigned char)sc;        /* zero-extended */
    printf("ext=%u zext=%u\n", ext, zext);
    long l = sc;
    unsigned long ul = (unsigned long)sc;
    printf("l=%ld ul=%lu\n", l, ul);

    unsigned int u = 4000000000u;
    int asint = (int)u;                           /* implementation-defined: wraps */
    long aslong = u;                              /* value kept */
    printf("asint=%d aslong=%ld\n", asint, aslong);

    long long ll = 0x123456789abcdefLL;
    printf("(int)ll=%d (unsigned)ll=%u\n", (int)ll, (unsigned)ll);
    printf("(short)ll=%d\n", (short)ll);

    int64_t n = -1;
    uint32_t low = (uint32_t)n;
    int32_t slow = (int32_t)(uint64_t)0xffffffff80000000ull;
    printf("low=%u slow=%d\n", low, slow);

    uint8_t b = 300 & 0xff;
    int8_t sb = (int8_t)200;
    int16_t s16 = (int16_t)40000;
    uint16_t u16 = (uint16_t)-1;
    printf("b=%d sb=%d s16=%d u16=%d\n", b, sb, s16, u16);

    _Bool t = 256;                                 /* any nonzero -> 1 */
    _Bool f = 0;
    printf("bool 256=%d bool 0=%d\n", t, f);

    unsigned long long back = (unsigned long long)(int)-7;
    printf("back=%lu\n", (unsigned long)back);
    printf("(long)(int)2147483648u=%ld\n", (long)(int)2147483648u);
    printf("(unsigned short)-32768=%d\n", (unsigned short)-32768);
    return 0;
}
