/* pins const and volatile qualifiers: const pointers, pointers to const, volatile counters, const globals */
#include <stdio.h>
#include <string.h>

static const int limits[3] = { 10, 20, 30 };
static const char *const names[] = { "zero", "one" };

static size_t count_upper(const char *s)
{
    size_t n = 0;
    for (; *s; s++) n += *s >= 'A' && *s <= 'Z';
    return n;
}

static void sum_into(int *restrict_free_out, const int *in, int n)
{
    *restrict_free_out = 0;
    for (int i = 0; i < n; i++) *restrict_free_out += in[i];
}

int main(void)
{
    const int c = 42;
    int x = 1, y = 2;
    const int *pc = &x;          /* pointer to const */
    int *const cp = &x;          /* const pointer */
    const int *const cpc = &y;
    pc = &y;
    *cp = 5;
    printf("c=%d *pc=%d x=%d *cpc=%d\n", c, *pc, x, *cpc);
    printf("upper=%zu\n", count_upper("Hello World ABC"));
    int s;
    sum_into(&s, limits, 3);
    printf("sum limits=%d names=%s,%s\n", s, names[0], names[1]);
    volatile int v = 0;
    for (int i = 0; i < 1000; i++) v++;
    printf("v=%d\n", v);
    volatile unsigned char vb[4] = { 1, 2, 3, 4 };
    vb[2] = (unsigned char)(vb[0] + vb[3]);
    printf("vb[2]=%d\n", vb[2]);
    const volatile long cvl = 77;
    printf("cvl=%ld\n", cvl);
    const struct { int a; const char *b; } cs = { 3, "const struct" };
    printf("%d %s\n", cs.a, cs.b);
    char buf[16];
    const char *src = "copy me";
    strcpy(buf, src);
    printf("%s %zu\n", buf, sizeof(const char));
    return 0;
}
