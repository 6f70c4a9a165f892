/* pins pointer arithmetic: +, -, ++, --, [], comparisons, scaling by element size */
#include <stdio.h>

int main(void)
{
    int a[8] = { 10, 11, 12, 13, 14, 15, 16, 17 };
    int *p = a;
    int *end = a + 8;
    printf("*p=%d *(p+3)=%d p[5]=%d 5[a]=%d\n", *p, *(p + 3), p[5], 5[a]);
    p += 2;
    printf("after +=2: %d, p[-1]=%d, *(p-2)=%d\n", *p, p[-1], *(p - 2));
    p++;
    printf("p++: %d\n", *p);
    int got = *p++;
    printf("*p++=%d then *p=%d\n", got, *p);
    printf("lt=%d le=%d gt=%d eq=%d ne=%d\n", p < end, p <= end, p > a, p == a + 4, p != a);
    int sum = 0;
    for (int *q = a; q < end; q++) sum += *q;
    printf("sum=%d\n", sum);
    for (int *q = end; q-- > a;) printf("%d ", *q);
    printf("\n");

    long la[4] = { 100, 200, 300, 400 };
    long *lp = la + 3;
    printf("lp[-3]=%ld bytes between=%ld\n", lp[-3], (long)((char *)lp - (char *)la));
    short sa[4] = { 1, 2, 3, 4 };
    char *cp = (char *)sa;
    short *sp = (short *)(cp + 2 * sizeof(short));
    printf("*sp=%d\n", *sp);
    struct pair { int k; char v; } ps[3] = { { 1, 'a' }, { 2, 'b' }, { 3, 'c' } };
    struct pair *pp = ps;
    pp += 2;
    printf("pp->k=%d pp->v=%c (pp-1)->v=%c\n", pp->k, pp->v, (pp - 1)->v);
    const char *s = "pointer";
    const char *t = s + 7;
    printf("len via ptrs=%d last=%c\n", (int)(t - s), *(t - 1));
    void *vp = a;
    int *ip = (int *)vp + 1;
    printf("via void*: %d\n", *ip);
    return 0;
}
