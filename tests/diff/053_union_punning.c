/* pins union type punning between integer types (gcc defines it): little-endian byte views */
#include <stdio.h>
#include <stdint.h>

union word {
    uint32_t u32;
    int32_t i32;
    uint16_t u16[2];
    uint8_t b[4];
};

union wide {
    uint64_t u64;
    int64_t i64;
    uint32_t half[2];
    unsigned char bytes[8];
};

int main(void)
{
    union word w;
    w.u32 = 0x11223344u;
    printf("bytes: %x %x %x %x\n", w.b[0], w.b[1], w.b[2], w.b[3]);
    printf("halves: %x %x\n", w.u16[0], w.u16[1]);
    w.b[3] = 0xff;
    printf("u32=%u i32=%d\n", w.u32, w.i32);
    w.i32 = -2;
    printf("as unsigned=%u b0=%d\n", w.u32, w.b[0]);
    union wide x;
    x.i64 = -1;
    printf("halves=%u %u\n", x.half[0], x.half[1]);
    x.u64 = 0x0102030405060708ul;
    for (int i = 0; i < 8; i++) printf("%d", x.bytes[i]);
    printf("\n");
    x.half[1] = 0;
    printf("u64=%lu\n", x.u64);
    printf("sizes: %zu %zu\n", sizeof(union word), sizeof(union wide));
    union { char c; int i; } small = { .i = 0 };
    small.c = 'A';
    printf("small.i=%d\n", small.i);
    union word copy = w;
    copy.b[0] = 0;
    printf("copy=%u orig=%u\n", copy.u32, w.u32);
    uint32_t v = 0xA1B2C3D4u;
    unsigned char *bp = (unsigned char *)&v;
    printf("via char*: %x %x\n", bp[0], bp[3]);
    return 0;
}
