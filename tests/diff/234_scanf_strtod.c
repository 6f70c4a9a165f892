/* reading floating point: sscanf %f %lf %e %g with widths and %n, inf/nan/hex/-0/overflow, malformed inputs ("1e", "1e+", ".", "3.14abc") with return values and counts consumed; atof, strtod, strtof with end pointers and errno ERANGE */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

static void one_lf(const char *s) {
    double d = -777; int n = -1;
    int r = sscanf(s, "%lf%n", &d, &n);
    printf("sscanf(\"%s\", %%lf%%n) = %d  d=%.17g n=%d\n", s, r, d, n);
}

static void one_f(const char *s) {
    float f = -777; int n = -1;
    int r = sscanf(s, "%f%n", &f, &n);
    printf("sscanf(\"%s\", %%f%%n) = %d  f=%.9g n=%d\n", s, r, f, n);
}

static void one_strtod(const char *s) {
    char *end;
    errno = 0;
    double d = strtod(s, &end);
    int e1 = errno;
    errno = 0;
    float f = strtof(s, NULL);
    int e2 = errno;
    printf("strtod(\"%s\") = %.17g consumed %d erange %d | strtof = %.9g erange %d | atof %.17g\n",
           s, d, (int)(end - s), e1 == ERANGE, f, e2 == ERANGE, atof(s));
}

static const char *inputs[] = {
    "3.14", "  -2.5e3", "+.5", "5.", ".", "-", "+", "1e", "1e+", "1e-2x", "1E5", "3.14abc", "0x1.8p1", "0X10", "0x",
    "0x.8", "0x1p-1074", "inf", "-INF", "infinity", "infinit", "nan", "-nan", "NaN(123)", "nanx", "-0", "-0.0e0",
    "1e400", "-1e400", "1e-400", "4.9e-324", "2.4e-324", "2.5e-324", "1e-310", "3.4028236e38", "1e39", "1e-46",
    "123456789012345678901234567890", "0.1000000000000000055511151231257827", "2.2250738585072011e-308",
    "", "   ", "abc", "1,5", "1.5.6", "00012.500", "9007199254740993", "1e+308", "1.7976931348623159e308",
};

int main(void) {
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) { one_lf(inputs[i]); one_f(inputs[i]); }
    for (unsigned i = 0; i < sizeof inputs / sizeof inputs[0]; i++) one_strtod(inputs[i]);

    /* widths */
    double a = 0, b = 0, c = 0; int n = 0;
    int r = sscanf("3.14159265 2.71828", "%5lf%lf%n", &a, &b, &n);
    printf("%%5lf%%lf: r=%d a=%.17g b=%.17g n=%d\n", r, a, b, n);
    r = sscanf("123456789", "%3lf%3lf%lf", &a, &b, &c);
    printf("%%3lf x3: r=%d %g %g %g\n", r, a, b, c);
    r = sscanf("1e+5", "%3lf%n", &a, &n);
    printf("%%3lf of 1e+5: r=%d a=%g n=%d\n", r, a, n);
    r = sscanf("-1.5e-3", "%2lf%n", &a, &n);
    printf("%%2lf of -1.5e-3: r=%d a=%g n=%d\n", r, a, n);

    /* %e %g %E %a, float and double, assignment suppression */
    float f1 = 0, f2 = 0, f3 = 0;
    double d1 = 0, d2 = 0;
    r = sscanf("1.5 2.5e1 -3e-1 4 5", "%e %g %E %le %lg", &f1, &f2, &f3, &d1, &d2);
    printf("%%e %%g %%E %%le %%lg: r=%d %.9g %.9g %.9g %.17g %.17g\n", r, f1, f2, f3, d1, d2);
    r = sscanf("7.5 8.5 9.5", "%*f %lf %n%*f", &d1, &n);
    printf("suppressed: r=%d d1=%g n=%d\n", r, d1, n);
    r = sscanf("0x1.8p1 1p3", "%la %la", &d1, &d2);
    printf("%%la: r=%d %g %g\n", r, d1, d2);

    /* several values per line and mixed conversions */
    int id = 0; char name[16] = ""; double price = 0; float qty = 0;
    r = sscanf("42 widget 19.99 3.5", "%d %15s %lf %f", &id, name, &price, &qty);
    printf("mixed: r=%d id=%d name=%s price=%.2f qty=%.1f total=%.4f\n", r, id, name, price, qty, price * qty);
    r = sscanf("x=1.25,y=-0.75", "x=%lf,y=%lf", &d1, &d2);
    printf("literal separators: r=%d %g %g\n", r, d1, d2);
    r = sscanf("12abc", "%lf%s", &d1, name);
    printf("number then word: r=%d %g %s\n", r, d1, name);
    r = sscanf("1e5e5", "%lf%s", &d1, name);
    printf("1e5e5: r=%d %g %s\n", r, d1, name);
    r = sscanf(".e1", "%lf", &d1);
    printf(".e1: r=%d\n", r);
    r = sscanf("", "%lf", &d1);
    printf("empty: r=%d\n", r);

    /* strtod walking a list */
    const char *list = "1.5 -2.25e2 0x10 inf  7e-1end";
    char *p = (char *)list, *e;
    double sum = 0;
    for (;;) {
        double v = strtod(p, &e);
        if (e == p) break;
        printf("  value %g at %d\n", v, (int)(p - list));
        if (v < 1e300) sum += v;
        p = e;
    }
    printf("rest \"%s\" sum %g\n", p, sum);
    errno = 0;
    double h = strtod("1e-320", &e);
    printf("subnormal strtod %g errno ERANGE %d\n", h, errno == ERANGE);
    errno = 0;
    h = strtod("0", &e);
    printf("zero errno %d\n", errno);
    return 0;
}
