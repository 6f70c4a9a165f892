/* math.h: glibc 2.36's functions, computed by the host's glibc, so a
   simulated run prints the digits a native one prints. */
#define M_E 2.7182818284590452354
#define M_LOG2E 1.4426950408889634074
#define M_LOG10E 0.43429448190325182765
#define M_LN2 0.69314718055994530942
#define M_LN10 2.30258509299404568402
#define M_PI 3.14159265358979323846
#define M_PI_2 1.57079632679489661923
#define M_PI_4 0.78539816339744830962
#define M_1_PI 0.31830988618379067154
#define M_2_PI 0.63661977236758134308
#define M_2_SQRTPI 1.12837916709551257390
#define M_SQRT2 1.41421356237309504880
#define M_SQRT1_2 0.70710678118654752440
#define HUGE_VAL (__builtin_huge_val())
#define HUGE_VALF (__builtin_huge_valf())
#define INFINITY (__builtin_inff())
#define NAN (__builtin_nanf(""))
#define FP_NAN 0
#define FP_INFINITE 1
#define FP_ZERO 2
#define FP_SUBNORMAL 3
#define FP_NORMAL 4
/* The classification macros are type-generic: a float is classified
   as a float (1e-40f is subnormal although the double is not). */
int __ipcsim_fpclassify(double x, int single);
int __ipcsim_isinf(double x);
int __ipcsim_signbit(double x, int single);
/* A long double (16 bytes) is classified in its own format. */
static int __ipcsim_fpclassifyl(long double x) {
    unsigned char *b = (unsigned char *)&x;
    int e = (b[9] & 0x7f) << 8 | b[8];
    if (x != x)
        return FP_NAN;
    if (e == 0x7fff)
        return FP_INFINITE;
    if (x == 0)
        return FP_ZERO;
    return e == 0 ? FP_SUBNORMAL : FP_NORMAL;
}
/* gcc's code for a long double reads the sign from the x87 status word
   (fxam's C1, bit 9): a negative value gives 512, not 1. */
static int __ipcsim_signbitl(long double x) {
    return (((unsigned char *)&x)[9] >> 7) << 9;
}
#define fpclassify(x) (sizeof(x) == 16 ? __ipcsim_fpclassifyl(x) : __ipcsim_fpclassify((x), sizeof(x) == sizeof(float)))
#define isnan(x) (fpclassify(x) == FP_NAN)
#define isinf(x) (sizeof(x) == 16 ? (fpclassify(x) == FP_INFINITE ? (signbit(x) ? -1 : 1) : 0) : __ipcsim_isinf(x))
#define isfinite(x) (fpclassify(x) >= FP_ZERO)
#define isnormal(x) (fpclassify(x) == FP_NORMAL)
#define signbit(x) (sizeof(x) == 16 ? __ipcsim_signbitl(x) : __ipcsim_signbit((x), sizeof(x) == sizeof(float)))
#define isgreater(x, y) ((x) > (y))
#define isgreaterequal(x, y) ((x) >= (y))
#define isless(x, y) ((x) < (y))
#define islessequal(x, y) ((x) <= (y))
#define islessgreater(x, y) ((x) < (y) || (x) > (y))
#define isunordered(x, y) (isnan(x) || isnan(y))
double sqrt(double x); float sqrtf(float x); long double sqrtl(long double x);
double cbrt(double x); float cbrtf(float x);
double fabs(double x); float fabsf(float x); long double fabsl(long double x);
double floor(double x); float floorf(float x);
double ceil(double x); float ceilf(float x);
double round(double x); float roundf(float x);
double trunc(double x); float truncf(float x);
double rint(double x); float rintf(float x);
double nearbyint(double x); float nearbyintf(float x);
double exp(double x); float expf(float x);
double exp2(double x); float exp2f(float x);
double expm1(double x); float expm1f(float x);
double log(double x); float logf(float x);
double log10(double x); float log10f(float x);
double log2(double x); float log2f(float x);
double log1p(double x); float log1pf(float x);
double sin(double x); float sinf(float x);
double cos(double x); float cosf(float x);
double tan(double x); float tanf(float x);
double asin(double x); float asinf(float x);
double acos(double x); float acosf(float x);
double atan(double x); float atanf(float x);
double sinh(double x); float sinhf(float x);
double cosh(double x); float coshf(float x);
double tanh(double x); float tanhf(float x);
double asinh(double x); float asinhf(float x);
double acosh(double x); float acoshf(float x);
double atanh(double x); float atanhf(float x);
double erf(double x); float erff(float x);
double erfc(double x); float erfcf(float x);
double tgamma(double x); float tgammaf(float x);
double lgamma(double x); float lgammaf(float x);
double pow(double x, double y); float powf(float x, float y);
double fmod(double x, double y); float fmodf(float x, float y);
double atan2(double x, double y); float atan2f(float x, float y);
double hypot(double x, double y); float hypotf(float x, float y);
double fmin(double x, double y); float fminf(float x, float y);
double fmax(double x, double y); float fmaxf(float x, float y);
double fdim(double x, double y); float fdimf(float x, float y);
double copysign(double x, double y); float copysignf(float x, float y);
double remainder(double x, double y); float remainderf(float x, float y);
double nextafter(double x, double y); float nextafterf(float x, float y);
double ldexp(double x, int e); float ldexpf(float x, int e);
double scalbn(double x, int e); float scalbnf(float x, int e);
double frexp(double x, int *e); float frexpf(float x, int *e);
double modf(double x, double *i); float modff(float x, float *i);
long lround(double x); long lroundf(float x); long long llround(double x);
long lrint(double x); long lrintf(float x); long long llrint(double x);
int ilogb(double x);
