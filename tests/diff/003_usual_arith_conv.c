/* pins the usual arithmetic conversions: signed vs unsigned comparison and mixing */
#include <stdio.h>

int main(void)
{
    int neg = -1;
    unsigned int one = 1;
    long lneg = -1;

    /* int converted to unsigned int: -1 becomes UINT_MAX */
    printf("neg+0u < one: %d\n", neg + 0u < one);
    printf("neg+0u == 4294967295u: %d\n", neg + 0u == 4294967295u);
    printf("neg + one = %u\n", neg + one);          /* 0 */
    printf("neg * one = %u\n", neg * one);          /* 4294967295 */
    printf("-1L < 1u: %d\n", -1L < 1u);             /* long holds all unsigned */
    printf("lneg < one: %d\n", lneg < one);
    printf("sizeof(neg+one)=%zu sizeof(lneg+one)=%zu\n", sizeof(neg + one), sizeof(lneg + one));
    printf("lneg+one=%ld\n", lneg + one);           /* long: 0 */

    unsigned long ul = 5;
    printf("lneg+0ul=%lu\n", lneg + 0ul);          /* converted to unsigned long */
    printf("ul - 10 = %lu\n", ul - 10);
    printf("(long)(ul-10) = %ld\n", (long)(ul - 10));

    unsigned int u = 10;
    int i = -3;
    printf("u / i = %u\n", u / (unsigned)i);        /* 0 */
    printf("i / (int)u = %d\n", i / (int)u);        /* 0 */
    printf("u + i = %u\n", u + i);                  /* 7 */
    printf("i %% (int)u = %d\n", i % (int)u);       /* -3 */

    unsigned short us = 2;
    printf("i < us: %d\n", i < us);                /* short promotes to int: 1 */
    unsigned char uc = 255;
    printf("uc + i = %d\n", uc + i);                /* 252 */

    long long ll = -5;
    unsigned int uu = 3;
    printf("ll + uu = %lld\n", ll + uu);            /* -2 */
    printf("sizeof(ll+uu)=%zu\n", sizeof(ll + uu));

    char c = -1;
    int c255 = 255;
    printf("c == c255: %d, c+0u = %u\n", c == c255, c + 0u);
    printf("-1 >> 0u? %d\n", (int)((unsigned)-1 > 0u));
    printf("ternary size: %zu\n", sizeof(1 ? neg : 0L)); /* long result */
    printf("ternary long: %ld\n", 1 ? -1 : 0L);
    return 0;
}
