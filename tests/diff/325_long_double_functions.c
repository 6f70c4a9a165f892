/* long double values through the language: parameters and return
   values, variadic functions (va_arg(ap, long double) among ints and
   doubles, vprintf), struct members and struct copies, arrays, pointers,
   ?:, compound assignment, ++ and --, comma, casts, fabsl and sqrtl. */
#include <stdio.h>
#include <stdarg.h>
#include <math.h>

struct account {
    int id;
    long double balance;
    double rate;
};

static long double mean(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    long double s = 0;
    for (int i = 0; i < n; i++) {
        int weight = va_arg(ap, int);
        long double x = va_arg(ap, long double);
        double y = va_arg(ap, double);
        s += weight * x + y;
    }
    va_end(ap);
    return s / n;
}

static void report(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
}

static struct account grow(struct account a, long double years)
{
    while (years-- > 0)
        a.balance *= 1 + a.rate;
    return a;
}

static void scale(long double *p, int n, long double k)
{
    for (int i = 0; i < n; i++)
        p[i] *= k;
}

static long double pick(int which, long double a, long double b)
{
    return which ? a : b;
}

int main(void)
{
    printf("%.21Lg\n", mean(3, 1, 0.1L, 0.5, 2, 1e-3L, 0.25, 3, 7.0L, 1.0));
    report("%d %Lf %s %f %LG %d\n", 1, 2.5L, "mid", 3.5, 1e-30L, 9);
    struct account acc = { 7, 1000.0L, 0.05 };
    struct account later = grow(acc, 10);
    printf("%d %.10Lf %.10Lf\n", later.id, later.balance, acc.balance);
    long double arr[5] = { 1, 2, 3, 4, 5 };
    scale(arr, 5, 0.1L);
    long double *p = arr + 2;
    printf("%La %La %La %td\n", arr[0], *p, p[2], p - arr);
    long double x = 10;
    x += 0.5L;
    x -= 0.25;
    x *= 3;
    x /= 7;
    long double y = x++;
    long double z = ++x;
    long double w = (x--, x--, --x);
    printf("%La %La %La %La %La\n", x, y, z, w, -x);
    int i = 3;
    i += 2.5L;
    unsigned u = 1;
    u *= 1e9L;
    printf("%d %u\n", i, u);
    printf("%La %La\n", pick(1, 1.5L, 2), pick(0, 1, 2.5));
    printf("%La %La %La %La\n", fabsl(-x), sqrtl(2), sqrtl(0.25L), sqrtl(1e-4000L));
    printf("%d %d %d\n", !x, x && 0, 0.0L || -0.0L);
    long double q = i > 4 ? 1 : 2.5L;
    printf("%La %La\n", q, (long double)(float)0.1L);
    struct account copy = later;
    copy.balance = copy.balance / 3;
    printf("%.6Lf %.6Lf\n", copy.balance, later.balance);
    return 0;
}
