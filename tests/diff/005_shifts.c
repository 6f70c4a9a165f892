/* pins shift operators on signed and unsigned operands of several widths */
#include <stdio.h>
#include <stdint.h>

int main(void)
{
    unsigned int u = 1;
    int i;
    for (i = 0; i < 32; i += 5)
        printf("1u<<%d=%u\n", i, u << i);
    printf("1u<<31=%u\n", 1u << 31);
    printf("0x80000000u>>31=%u\n", 0x80000000u >> 31);

    int neg = -16;
    printf("-16>>2=%d\n", neg >> 2);              /* gcc: arithmetic shift */
    printf("-1>>10=%d\n", -1 >> 10);
    printf("(unsigned)-16>>2=%u\n", (unsigned)neg >> 2);

    unsigned long ul = 1;
    printf("1ul<<63=%lu\n", ul << 63);
    printf("1ul<<40=%lu\n", ul << 40);
    long l = -1024;
    printf("-1024L>>3=%ld\n", l >> 3);

    unsigned char c = 0x81;
    printf("uc<<4=%d\n", c << 4);                /* promoted: 2064 */
    printf("(uchar)(uc<<4)=%d\n", (unsigned char)(c << 4));
    printf("uc>>7=%d\n", c >> 7);

    int s = 3;
    uint64_t big = 0xF0F0F0F0F0F0F0F0ull;
    printf("big>>s=%lu big<<s=%lu\n", big >> s, big << s);
    unsigned int x = 0xdeadbeef;
    unsigned int rot = (x << 8) | (x >> 24);
    printf("rot=%x\n", rot);
    int sh = 4;
    sh <<= 2;
    printf("sh=%d\n", sh);
    sh >>= 3;
    printf("sh=%d\n", sh);
    printf("shift by var long: %ld\n", 5L << s);
    printf("type of (uc << 1): size %zu\n", sizeof(c << 1));
    printf("type of (1 << 2L): size %zu\n", sizeof(1 << 2L));
    return 0;
}
