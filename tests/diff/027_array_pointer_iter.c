/* pins iterating arrays with pointers: reverse, rotate, two-pointer partition, flat 2D walk */
#include <stdio.h>

static void reverse(int *lo, int *hi)
{
    while (lo < hi) { int t = *lo; *lo++ = *hi; *hi-- = t; }
}

static void show(const int *a, const int *end)
{
    while (a < end) {
        printf("%d%s", *a, a + 1 < end ? "," : "\n");
        a++;
    }
}

int main(void)
{
    int a[9] = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
    reverse(a, a + 8);
    show(a, a + 9);
    /* rotate left by 3 using three reversals */
    reverse(a, a + 2);
    reverse(a + 3, a + 8);
    reverse(a, a + 8);
    show(a, a + 9);
    int *l = a, *r = a + 8;
    while (l < r) {                     /* evens to the front */
        while (l < r && *l % 2 == 0) l++;
        while (l < r && *r % 2 != 0) r--;
        if (l < r) { int t = *l; *l = *r; *r = t; }
    }
    show(a, a + 9);
    printf("split at %ld\n", l - a);
    int g[3][3] = { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } };
    int total = 0;
    for (int *p = g[0]; p < g[0] + 9; p++) total += *p;
    printf("total=%d\n", total);
    for (int (*row)[3] = g; row < g + 3; row++) printf("%d ", (*row)[2]);
    printf("\n");
    char s[] = "iterate";
    char *p = s;
    while (*p) { *p = (char)(*p - 32); p++; }
    printf("%s %ld\n", s, p - s);
    return 0;
}
