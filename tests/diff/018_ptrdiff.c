/* pins pointer difference: ptrdiff_t values and sizes for various element types */
#include <stdio.h>
#include <stddef.h>

static ptrdiff_t find(const int *base, int n, int key)
{
    for (const int *p = base; p < base + n; p++)
        if (*p == key) return p - base;
    return -1;
}

int main(void)
{
    int a[20];
    for (int i = 0; i < 20; i++) a[i] = i * i;
    printf("find 49=%ld find 50=%ld\n", find(a, 20, 49), find(a, 20, 50));
    ptrdiff_t d = &a[17] - &a[3];
    ptrdiff_t nd = &a[3] - &a[17];
    printf("d=%ld nd=%ld sizeof=%zu\n", d, nd, sizeof d);
    printf("d as long=%ld\n", (long)d);
    long la[10];
    printf("long diff=%ld bytes=%ld\n", &la[9] - &la[1], (char *)&la[9] - (char *)&la[1]);
    struct big { char x[100]; } bs[5];
    printf("struct diff=%ld bytes=%ld\n", &bs[4] - &bs[0], (char *)&bs[4] - (char *)&bs[0]);
    char str[] = "hello, world";
    char *comma = str;
    while (*comma != ',') comma++;
    printf("comma at %ld, rest \"%s\"\n", comma - str, comma + 2);
    int m[4][6];
    printf("row diff=%ld elem diff=%ld\n", &m[3] - &m[1], &m[3][2] - &m[1][0]);
    int *end = a + 20;
    printf("end-a=%ld\n", end - a);
    (void)la; (void)bs; (void)m;
    return 0;
}
