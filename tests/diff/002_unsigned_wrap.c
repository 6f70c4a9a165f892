/* pins unsigned wrap-around at every width: 8, 16, 32, 64 bits */
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

int main(void)
{
    uint8_t u8 = 250;
    uint16_t u16 = 65530;
    uint32_t u32 = 4294967290u;
    uint64_t u64 = 18446744073709551610ul;
    int i;
    for (i = 0; i < 8; i++) {
        u8 += 1; u16 += 1; u32 += 1; u64 += 1;
        printf("%d %d %u %lu\n", u8, u16, u32, u64);
    }
    u8 = 0; u16 = 0; u32 = 0; u64 = 0;
    u8 -= 1; u16 -= 1; u32 -= 1; u64 -= 1;
    printf("zero-1: %d %d %u %lu\n", u8, u16, u32, u64);

    unsigned int ui = UINT_MAX;
    printf("UINT_MAX+1=%u\n", ui + 1u);
    printf("UINT_MAX*2=%u\n", ui * 2u);
    printf("0u-1=%u\n", 0u - 1u);
    unsigned long ul = 0;
    ul = ul - 1;
    printf("ulong -1=%lu\n", ul);
    printf("ul*3=%lu\n", ul * 3);

    uint32_t h = 2166136261u;           /* FNV-1a over a string, wrapping mul */
    const char *s = "ipcsim";
    while (*s) { h ^= (unsigned char)*s++; h *= 16777619u; }
    printf("fnv=%u\n", h);

    uint64_t f = 1;
    for (i = 1; i <= 25; i++) f *= (uint64_t)i;   /* 25! mod 2^64 */
    printf("25! mod 2^64=%lu\n", f);

    unsigned short us = 1;
    for (i = 0; i < 20; i++) us = (unsigned short)(us * 3u);
    printf("3^20 mod 65536=%d\n", us);
    unsigned long long ull = 0xFFFFFFFFFFFFFFFFull;
    printf("ull+2=%lld\n", (long long)(ull + 2));
    return 0;
}
