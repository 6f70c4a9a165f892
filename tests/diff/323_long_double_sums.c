/* A course exercise in long double: factorials up to 30!, harmonic
   sums, an approximation of e and of pi, and the same in double to
   show the extra precision, printed with %Lf and %.18Lf. */
#include <stdio.h>

static long double factorial(int n)
{
    return n <= 1 ? 1 : n * factorial(n - 1);
}

static long double harmonic(int n)
{
    long double h = 0;
    for (int k = n; k >= 1; k--)
        h += 1.0L / k;
    return h;
}

int main(void)
{
    for (int n = 0; n <= 30; n += 3)
        printf("%2d! = %.0Lf\n", n, factorial(n));
    int ns[] = { 1, 10, 100, 1000, 100000 };
    for (int i = 0; i < 5; i++) {
        double hd = 0;
        for (int k = ns[i]; k >= 1; k--)
            hd += 1.0 / k;
        printf("H(%d) = %.18Lf (double %.18f)\n", ns[i], harmonic(ns[i]), hd);
    }
    long double e = 0, term = 1;
    for (int k = 0; k < 30; k++) {
        e += term;
        term /= k + 1;
    }
    printf("e = %.20Lf\n", e);
    long double pi = 0;
    for (int k = 0; k < 100000; k++)
        pi += (k % 2 ? -4.0L : 4.0L) / (2 * k + 1);
    printf("pi ~ %Lf %.15Le %Lg\n", pi, pi, pi);
    long double x = 2, r = 1;
    for (int i = 0; i < 8; i++)
        r = (r + x / r) / 2;
    printf("sqrt(2) = %.20Lf %La\n", r, r);
    long double money = 0;
    for (int i = 0; i < 1000; i++)
        money += 0.01L;
    printf("%.20Lf %Lf %10.2Lf|%-10.3Lf|%+.1Lf\n", money, money, money, money, money);
    return 0;
}
