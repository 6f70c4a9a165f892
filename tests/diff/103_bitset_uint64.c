/* pins a bitset over uint64_t words: set/clear/test, counting via shifts, unsigned 64-bit masks */
#include <stdio.h>
#include <stdint.h>

#define BITS 200
#define WORDS ((BITS + 63) / 64)

static uint64_t set[WORDS];

static void bs_set(int i) { set[i / 64] |= (uint64_t)1 << (i % 64); }
static void bs_clear(int i) { set[i / 64] &= ~((uint64_t)1 << (i % 64)); }
static int bs_test(int i) { return (int)((set[i / 64] >> (i % 64)) & 1u); }

static int bs_count(void)
{
    int n = 0;
    for (int w = 0; w < WORDS; w++)
        for (uint64_t v = set[w]; v; v >>= 1) n += (int)(v & 1);
    return n;
}

int main(void)
{
    for (int i = 0; i < BITS; i += 3) bs_set(i);
    printf("count after multiples of 3: %d\n", bs_count());
    for (int i = 0; i < BITS; i += 6) bs_clear(i);
    printf("count after clearing multiples of 6: %d\n", bs_count());
    printf("test 3=%d 6=%d 63=%d 64=%d 195=%d\n", bs_test(3), bs_test(6), bs_test(63), bs_test(64), bs_test(195));
    for (int w = 0; w < WORDS; w++) printf("word %d: %lu (hi %u lo %u)\n", w, set[w], (unsigned)(set[w] >> 32), (unsigned)set[w]);
    uint64_t all = ~(uint64_t)0;
    printf("all=%lu all>>63=%lu all<<63=%lu\n", all, all >> 63, all << 63);
    uint64_t m = 0x8000000000000001ull;
    printf("rotl1=%lu\n", (m << 1) | (m >> 63));
    return 0;
}
