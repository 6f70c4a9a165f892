/* pins memcpy, memmove (overlap both directions), memset (int value truncated), memcmp sign on unsigned bytes */
#include <stdio.h>
#include <string.h>

static int sgn(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    char buf[16] = "0123456789";
    memmove(buf + 2, buf, 6);                 /* forward overlap */
    printf("fwd: %s\n", buf);
    strcpy(buf, "0123456789");
    memmove(buf, buf + 3, 8);                 /* backward overlap, incl. NUL */
    printf("back: %s\n", buf);
    strcpy(buf, "abcdef");
    void *r = memmove(buf, buf, 3);
    printf("self: %s ret=%d\n", buf, r == buf);
    int src[5] = { 1, 2, 3, 4, 5 }, dst[5] = { 0 };
    r = memcpy(dst, src, sizeof src);
    printf("memcpy: %d %d ret=%d\n", dst[0], dst[4], r == dst);
    memcpy(dst + 1, src + 3, 2 * sizeof(int));
    printf("partial: %d %d %d %d %d\n", dst[0], dst[1], dst[2], dst[3], dst[4]);
    memset(dst, 0, sizeof dst);
    printf("zeroed: %d\n", dst[0] + dst[1] + dst[2] + dst[3] + dst[4]);
    memset(dst, 1, sizeof dst);
    printf("ones bytes -> int: %d\n", dst[2]);         /* 0x01010101 */
    unsigned char b[4];
    memset(b, 0x1ff, sizeof b);                        /* value converted to unsigned char */
    printf("memset 0x1ff: %d\n", b[0]);
    memset(b, -1, 2);
    printf("memset -1: %d %d\n", b[0], b[3]);
    printf("memcmp eq=%d lt=%d gt=%d\n", memcmp("abc", "abc", 3), sgn(memcmp("abc", "abd", 3)), sgn(memcmp("b", "a", 1)));
    printf("memcmp unsigned: %d\n", sgn(memcmp("\x80", "\x01", 1)));
    printf("memcmp n=0: %d\n", memcmp("a", "b", 0));
    printf("memcmp past NUL: %d\n", sgn(memcmp("a\0x", "a\0y", 3)));
    struct { int a; char s[4]; } x = { 1, "xyz" }, y;
    memcpy(&y, &x, sizeof x);
    printf("struct copy: %d %s eq=%d\n", y.a, y.s, memcmp(&x, &y, sizeof x) == 0);
    char ring[8] = "ABCDEFG";
    char first = ring[0];
    memmove(ring, ring + 1, 6);
    ring[6] = first;
    printf("rotated: %s\n", ring);
    return 0;
}
