/* pins ?: chains (right associativity), ternary as lvalue-free expression, types of results */
#include <stdio.h>

static const char *grade(int s)
{
    return s >= 90 ? "A" : s >= 80 ? "B" : s >= 70 ? "C" : s >= 60 ? "D" : "F";
}

static int sign(long v) { return v > 0 ? 1 : v < 0 ? -1 : 0; }

int main(void)
{
    int scores[] = { 95, 85, 75, 65, 55, 90, 0 };
    for (int i = 0; i < 7; i++) printf("%d:%s ", scores[i], grade(scores[i]));
    printf("\n");
    printf("signs: %d %d %d\n", sign(-9), sign(0), sign(12));
    int a = 3, b = 7;
    int mx = a > b ? a : b, mn = a < b ? a : b;
    printf("max=%d min=%d\n", mx, mn);
    int t = 1 ? 2 : 3 ? 4 : 5;
    int u = 0 ? 2 : 0 ? 4 : 5;
    printf("t=%d u=%d\n", t, u);
    int calls = 0;
    int r = a > 0 ? (calls++, 10) : (calls += 100, 20);
    printf("r=%d calls=%d\n", r, calls);
    int *p = a > b ? &a : &b;
    *p = 70;
    printf("b=%d\n", b);
    unsigned char small = 250;
    printf("size of (1 ? small : 0L)=%zu\n", sizeof(1 ? small : 0L));
    printf("nested: %s\n", a ? (b > 50 ? "big b" : "small b") : "no a");
    const char *plural = (calls == 1) ? "" : "s";
    printf("%d call%s\n", calls, plural);
    int i = 0;
    int v = i++ ? i : i + 10;     /* sequence point after condition */
    printf("v=%d i=%d\n", v, i);
    return 0;
}
