/* long double text both ways: printf's %Lf %Le %Lg %La (and upper
   case) with flags, widths and precisions; strtold (decimal, hex, inf,
   nan, ERANGE, end pointer) and sscanf's %Lf %Le %Lg; round trips of
   %.21Lg and %La through strtold. */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

int main(void)
{
    long double vals[] = { 0.0L, -0.0L, 1.0L, 0.1L, -2.5L, 1e-5L, 123456.789L, 9.999999L, 0.5L, 1.5L, 2.5L, 1e20L, 1e-310L, 6.02214076e23L };
    for (int i = 0; i < 14; i++) {
        long double v = vals[i];
        printf("[%Lf] [%.0Lf] [%#.0Lf] [%12.4Lf] [%-12.2Lf] [%+Lf] [% Lf] [%012.3Lf]\n", v, v, v, v, v, v, v, v);
        printf("[%Le] [%.0Le] [%#.0Le] [%15.3LE] [%.10Lg] [%Lg] [%#Lg] [%LG]\n", v, v, v, v, v, v, v, v);
        printf("[%La] [%LA] [%.2La] [%.0La] [%20La] [%-20.3La]\n", v, v, v, v, v, v);
        char buf[64];
        snprintf(buf, sizeof buf, "%.21Lg", v);
        long double back = strtold(buf, NULL);
        snprintf(buf, sizeof buf, "%La", v);
        long double back2 = strtold(buf, NULL);
        printf("%s %d %d\n", buf, back == v, back2 == v);
    }
    const char *texts[] = { "3.14159265358979323846264338327950288", "  -1e-4950", "1e5000", "0x1.8p+1xyz", "inf", "-NaN", "nan(42)",
                            "1e-5000", ".5e", "abc", "1.000000000000000000054210108624275221700372640043497085571289062500001" };
    for (int i = 0; i < 11; i++) {
        char *end;
        errno = 0;
        long double v = strtold(texts[i], &end);
        printf("%s -> %La %.21Lg end+%d %s\n", texts[i], v, v, (int)(end - texts[i]), errno == ERANGE ? "ERANGE" : "ok");
    }
    long double a, b, c;
    int k = sscanf("0.1 -2.5e3 7e-4000 tail", "%Lf %Le %Lg", &a, &b, &c);
    printf("%d %La %La %La\n", k, a, b, c);
    k = sscanf("12.5x 3", "%3Lf%Lg", &a, &b);
    printf("%d %La %La\n", k, a, b);
    double d;
    long double e;
    k = sscanf("1.25 2.5", "%lf %Lf", &d, &e);
    printf("%d %g %Lg\n", k, d, e);
    return 0;
}
