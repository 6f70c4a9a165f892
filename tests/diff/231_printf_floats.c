/* printf of doubles and floats: every conversion (%f %e %g %a and capitals) with flags, widths and precisions, inf/nan, -0.0, subnormals, DBL_MAX, huge precision and rounding ties */
#include <stdio.h>
#include <float.h>
#include <math.h>

static volatile double vals[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, 3.5, -2.5, 0.125, 0.375, 1e23, 123456.789, 0.1, 1.0 / 3,
    2.0 / 3, 1e-5, 1e-4, 9.9999e-5, 99999.95, 999999.5, 1e15, 1e16, 1e17, 123456789012345678.0,
    5e-324, 2.2250738585072014e-308, 1e-310, DBL_MAX, 3.14159265358979, 6.02214076e23, 1.6e-19,
    0.05, 0.15, 0.25, 0.35, 9.5, 10.5, 0.000123456, 1234.5, 65536.0, 1e100, -1e-100,
};
static const char *fmts[] = {
    "%f", "%.0f", "%.1f", "%.2f", "%.10f", "%e", "%.0e", "%.3e", "%g", "%.3g", "%.0g", "%.10g",
    "%#g", "%#.0f", "%#.0e", "%#.3g", "%a", "%A", "%.3a", "%.0a", "%10.3f", "%-10.3f|", "%+f",
    "% f", "%010.2f", "%+010.2f", "%-+12.3e|", "%G", "%E", "%F", "%.17g", "%15.7G", "%020.4e", "% .3g",
    "%.1a", "%+a", "%.20g",
};

int main(void) {
    char buf[512];
    for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) {
        double v = vals[i];
        printf("[%.17g]\n", v);
        for (unsigned j = 0; j < sizeof fmts / sizeof fmts[0]; j++) {
            snprintf(buf, sizeof buf, fmts[j], v);
            printf("  %-10s <%s>\n", fmts[j], buf);
        }
    }

    volatile double inf = INFINITY, nan = NAN, mz = -0.0;
    double specials[] = { inf, -inf, nan, -nan };
    const char *sfmts[] = { "%f", "%F", "%e", "%E", "%g", "%G", "%a", "%A", "%10f", "%-10f|", "%010f",
                            "%+f", "% f", "%.3f", "%#g", "%+010e", "%-+8g|", "%08.2a" };
    for (unsigned i = 0; i < 4; i++)
        for (unsigned j = 0; j < sizeof sfmts / sizeof sfmts[0]; j++)
            printf("special %u %-8s <", i, sfmts[j]), printf(sfmts[j], specials[i]), printf(">\n");

    printf("-0.0: %f %e %g %a %.0f %+.1f\n", mz, mz, mz, mz, mz, mz);
    printf("%.60f\n", 0.1);
    printf("%.70e\n", 0.1);
    printf("%.40g\n", 1.0 / 3);
    printf("%.0f\n%.2f\n", DBL_MAX, -DBL_MAX);
    printf("%e %g %a %.20e\n", 5e-324, 5e-324, 5e-324, 5e-324);
    printf("%e %g %a\n", DBL_MIN, DBL_MIN, DBL_MIN);
    printf("%.330f\n", 1e-320);
    printf("%a %a %a %a %a\n", 1.0, 0.1, 255.5, -3.75, 1e300);
    printf("%.2f %.2f %.2f %.2f %.2f\n", 0.125, 0.375, 0.625, 2.675, 1.005);
    printf("%.0f %.0f %.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5, -0.5, -1.5);
    printf("%f %.0f %e %g\n", 1e23, 1e23, 1e23, 1e23);
    printf("%.3g %.3g %.3g %g %g %g\n", 999.5, 9995.0, 0.00099995, 100000.0, 1000000.0, 0.0001);

    /* floats are promoted to double */
    float f = 0.1f, g = 16777217.0f, h = FLT_MAX, k = 1e-45f;
    printf("float: %f %.10f %e %g %a %.9g\n", f, f, f, f, f, f);
    printf("float: %.1f %g %e %a %g\n", g, h, h, k, k);

    /* star width and precision */
    for (int w = 0; w < 12; w += 4)
        for (int p = 0; p < 5; p += 2)
            printf("[%*.*f] [%-*.*e] [%*.*g]\n", w, p, 3.14159, w, p, -2.71828, w, p, 1234.5678);
    printf("[%*f] [%.*f]\n", -12, 1.5, -1, 1.5);

    /* mixing with ints in one call */
    printf("%d %f %ld %e %c %g %s %a %u\n", 1, 2.5, 3L, 4.5, 'x', 5.5, "s", 6.5, 7u);
    volatile size_t small = 5;
    printf("len %d %d\n", snprintf(0, 0, "%f", 1e300), snprintf(buf, small, "%e", 12345.678));
    printf("trunc <%s>\n", buf);
    fprintf(stderr, "stderr %g %f\n", 0.1, -2.0);
    return 0;
}
