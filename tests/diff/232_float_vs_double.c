/* float versus double: float accumulation, float parameters and returns, variadic promotion, epsilons, sizes, struct layout with float/double members, arrays of and pointers to doubles */
#include <stdio.h>
#include <stddef.h>
#include <float.h>
#include <string.h>

struct mixed { char c; float f; double d; short s; float g; };
struct pt { float x, y; };
struct sample { int id; double v[3]; float w; };
union bits { double d; unsigned long u; float f; unsigned int w; };

static float halve(float x) { return x / 2; }
static double halve_d(double x) { return x / 2; }
static float add3(float a, float b, float c) { return a + b + c; }
static double mean(const double *a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i]; return s / n; }
static void scale(double *p, int n, double k) { for (int i = 0; i < n; i++) *p++ *= k; }
static struct pt mid(struct pt a, struct pt b) { struct pt m = { (a.x + b.x) / 2, (a.y + b.y) / 2 }; return m; }
static int int_to_float_param(float x) { return (int)(x * 10); }

int main(void) {
    printf("sizeof float %zu double %zu\n", sizeof(float), sizeof(double));
    printf("FLT_EPSILON %.9g DBL_EPSILON %.17g\n", FLT_EPSILON, DBL_EPSILON);
    printf("FLT_MAX %g FLT_MIN %g DBL_MAX %g DBL_MIN %g\n", FLT_MAX, FLT_MIN, DBL_MAX, DBL_MIN);
    printf("FLT_DIG %d DBL_DIG %d FLT_MANT_DIG %d DBL_MANT_DIG %d FLT_MAX_EXP %d DBL_MIN_EXP %d\n",
           FLT_DIG, DBL_DIG, FLT_MANT_DIG, DBL_MANT_DIG, FLT_MAX_EXP, DBL_MIN_EXP);
    volatile float one_f = 1.0f;
    volatile double one_d = 1.0;
    printf("1+eps/2 == 1: float %d double %d\n", one_f + FLT_EPSILON / 2 == one_f, one_d + DBL_EPSILON / 2 == one_d);
    printf("(float)(1+FLT_EPSILON/2) == 1: %d\n", (float)(one_f + FLT_EPSILON / 2) == one_f);

    /* accumulation */
    float fs = 0; double ds = 0;
    for (int i = 0; i < 1000000; i++) { fs += 0.1f; ds += 0.1; }
    printf("sum 0.1 x 1e6: float %.9g double %.17g\n", fs, ds);
    float big = 0;
    for (int i = 0; i < 20000000 && big < 16777220.0f; i++) big += 1.0f;
    printf("float counting stalls at %.1f\n", big);
    float harm_f = 0; double harm_d = 0;
    for (int i = 1; i <= 100000; i++) { harm_f += 1.0f / i; harm_d += 1.0 / i; }
    printf("harmonic: float %.9g double %.17g\n", harm_f, harm_d);
    float back_f = 0;
    for (int i = 100000; i >= 1; i--) back_f += 1.0f / i;
    printf("harmonic backwards float %.9g\n", back_f);

    /* float parameters and returns */
    printf("halve(3) %.9g halve(1e-45f) %.9g halve_d(1e-45f) %.9g\n", halve(3), halve(1e-45f), halve_d(1e-45f));
    printf("add3 %.9g int param %d\n", add3(0.1f, 0.2f, 0.3f), int_to_float_param(7));
    float r = halve(16777215);
    double rd = halve(16777215);
    printf("r %.9g rd %.17g\n", r, rd);
    float third_f = (float)1 / 3; /* promoted to double through printf's ... */
    printf("variadic float %a %.17g %a\n", third_f, third_f, r * third_f);
    struct pt a = { 1.5f, -2.0f }, b = { 2.25f, 4.0f };
    struct pt m = mid(a, b);
    printf("mid %.9g %.9g\n", m.x, m.y);

    /* struct layout */
    printf("mixed: size %zu c %zu f %zu d %zu s %zu g %zu\n", sizeof(struct mixed), offsetof(struct mixed, c),
           offsetof(struct mixed, f), offsetof(struct mixed, d), offsetof(struct mixed, s), offsetof(struct mixed, g));
    printf("pt: size %zu y %zu; sample: size %zu v %zu w %zu; union %zu\n", sizeof(struct pt), offsetof(struct pt, y),
           sizeof(struct sample), offsetof(struct sample, v), offsetof(struct sample, w), sizeof(union bits));
    struct mixed mx = { 'q', 1.5f, 2.25, 7, -0.5f };
    struct mixed my = mx;
    my.d += my.f * my.g;
    printf("mixed copy %c %.3f %.3f %d %.3f\n", my.c, my.f, my.d, my.s, my.g);
    struct sample arr[3];
    memset(arr, 0, sizeof arr);
    for (int i = 0; i < 3; i++) { arr[i].id = i; for (int j = 0; j < 3; j++) arr[i].v[j] = i * 1.5 + j * 0.25; arr[i].w = (float)i / 3; }
    for (int i = 0; i < 3; i++) printf("sample %d %.2f %.2f %.2f %.9g\n", arr[i].id, arr[i].v[0], arr[i].v[1], arr[i].v[2], arr[i].w);

    /* bits through a union and memcpy */
    union bits u;
    u.d = 1.0; printf("1.0 bits %016lx\n", u.u);
    u.d = -0.1; printf("-0.1 bits %016lx\n", u.u);
    u.f = 1.0f; printf("1.0f bits %08x\n", u.w);
    u.u = 0x7ff0000000000000UL; printf("inf from bits %f\n", u.d);
    u.u = 0x0000000000000001UL; printf("min subnormal from bits %g\n", u.d);
    float fv = -2.5f; unsigned int fw; memcpy(&fw, &fv, sizeof fw); printf("-2.5f bits %08x\n", fw);

    /* arrays of doubles and pointers */
    double xs[8];
    for (int i = 0; i < 8; i++) xs[i] = 1.0 / (i + 1);
    double *p = xs, *q = &xs[7];
    printf("mean %.17g q-p %td *p %.3f p[3] %.6f *(q-1) %.6f\n", mean(xs, 8), q - p, *p, p[3], *(q - 1));
    scale(xs + 2, 4, 10.0);
    for (double *it = xs; it < xs + 8; it++) printf("%.6f%c", *it, it == xs + 7 ? '\n' : ' ');
    double **pp = &p; **pp = 42.0; (*pp)[1] = -1.0;
    printf("through **: %.1f %.1f\n", xs[0], xs[1]);
    double grid[2][3] = { { 1, 2, 3 }, { 4.5, 5.5, 6.5 } };
    double (*row)[3] = grid;
    printf("grid %.1f %.1f sizeof %zu\n", row[1][2], (*row)[1], sizeof grid);
    float fa[4] = { 1.1f, 2.2f, 3.3f };
    printf("fa %.9g %.9g %.9g %.9g sizeof %zu\n", fa[0], fa[1], fa[2], fa[3], sizeof fa);
    static double sd[3] = { [2] = 2.5, [0] = -1 };
    printf("sd %g %g %g\n", sd[0], sd[1], sd[2]);

    /* float vs double of the same literal */
    float t1 = 0.1f; double t2 = 0.1; double t3 = t1;
    printf("0.1f %.17g 0.1 %.17g equal %d (float)t2==t1 %d\n", t3, t2, t1 == t2, (float)t2 == t1);
    float third = 1.0f / 3; double dthird = third;
    printf("third %.17g diff %.3e\n", dthird, dthird - 1.0 / 3);
    return 0;
}
