/* Old-style (K&R) definitions, as old textbooks write them. */
#include <stdio.h>
#include <string.h>

int twice(a)
int a;
{
    return 2 * a;
}

/* Several declared at once, in another order. */
long sum3(a, b, c)
    long a, c;
    int b;
{
    return a + b + c;
}

void copy_upper(dst, src, n)
char *dst;
const char *src;
int n;
{
    int k;
    for (k = 0; k < n && src[k]; k++)
        dst[k] = (src[k] >= 'a' && src[k] <= 'z') ? src[k] - 32 : src[k];
    dst[k] = 0;
}

double average(v, n)
double v[];
int n;
{
    double s = 0;
    int k;
    for (k = 0; k < n; k++) s += v[k];
    return n ? s / n : 0;
}

static int count(s) char *s; { return (int)strlen(s); }

int main(argc, argv)
int argc;
char **argv;
{
    char buf[32];
    double v[3];
    v[0] = 1.5; v[1] = 2.5; v[2] = 5.0;
    copy_upper(buf, "old style", 31);
    printf("%d %ld %s %.2f %d %d\n", twice(21), sum3(1L, 2, 3L), buf, average(v, 3), count(argv[0]) > 0, argc);
    return 0;
}
