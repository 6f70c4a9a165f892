/* pins sizeof of all <stdint.h> types, size_t, and their extreme values */
#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

int main(void)
{
    printf("int8=%zu uint8=%zu int16=%zu uint16=%zu\n", sizeof(int8_t), sizeof(uint8_t), sizeof(int16_t), sizeof(uint16_t));
    printf("int32=%zu uint32=%zu int64=%zu uint64=%zu\n", sizeof(int32_t), sizeof(uint32_t), sizeof(int64_t), sizeof(uint64_t));
    printf("intptr=%zu uintptr=%zu size_t=%zu\n", sizeof(intptr_t), sizeof(uintptr_t), sizeof(size_t));
    int8_t a = -128; uint8_t b = 255;
    int16_t c = -32768; uint16_t d = 65535;
    int32_t e = -2147483647 - 1; uint32_t f = 4294967295u;
    int64_t g = -9223372036854775807L - 1; uint64_t h = 18446744073709551615ul;
    printf("%d %d %d %d\n", a, b, c, d);
    printf("%d %u\n", e, f);
    printf("%ld %lu\n", g, h);
    intptr_t ip = -5; uintptr_t up = (uintptr_t)ip;
    printf("ip=%ld up=%lu\n", ip, up);
    size_t z = 0;
    z--;
    printf("size_t max=%zu\n", z);
    printf("(uint8_t)(b+1)=%d\n", (uint8_t)(b + 1));
    printf("(int8_t)(a-1)=%d\n", (int8_t)(a - 1));
    printf("int8 promote: %d\n", a * a);      /* 16384 */
    uint16_t d2 = d;
    d2 += 2;
    printf("uint16 wrap=%d\n", d2);
    printf("sizeof(a+b)=%zu sizeof(g+f)=%zu sizeof(h+a)=%zu\n", sizeof(a + b), sizeof(g + f), sizeof(h + a));
    return 0;
}
