/* float and double arithmetic: usual conversions, compound assignment, ++/--, -0.0, NaN comparisons, logic on doubles, ?: mixes, casts to every integer type (out-of-range ones computed at run time as x86 does) */
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <math.h>

static volatile double vd[] = { 1e10, -1e10, 3e9, -3e9, 1e19, 1e20, -1.0, 100000.7, 300.5, -129.9, 5e9, 1e300, -0.0, 0.5, 2147483647.9, -2147483648.9 };

int main(int argc, char **argv) {
    int i = 7;
    double d = 2.5;
    float f = 1.25f;
    long l = 3;
    unsigned u = 4;
    char c = 'A';

    /* usual arithmetic conversions */
    printf("i/2=%d i/2.0=%f i/2.0f=%f\n", i / 2, i / 2.0, i / 2.0f);
    printf("i*d=%f f*i=%f l+f=%f u-d=%f c+d=%f\n", i * d, f * i, l + f, u - d, c + d);
    printf("sizeof(i*f)=%zu sizeof(f*f)=%zu sizeof(f*d)=%zu sizeof(l*f)=%zu\n",
           sizeof(i * f), sizeof(f * f), sizeof(f * d), sizeof(l * f));
    printf("1/3=%d 1/3.=%.17g 1.f/3=%.9g (float)(1./3)=%.17g\n", 1 / 3, 1 / 3., 1.f / 3, (double)(float)(1. / 3));
    unsigned big = 4000000000u;
    printf("u big to double=%f, -1 as unsigned to double=%f\n", (double)big, (double)(unsigned)-1);
    long long ll = 9007199254740993LL;
    printf("ll to double=%.1f ll to float=%.1f\n", (double)ll, (float)ll);
    unsigned long ul = 18446744073709551615UL;
    printf("ULONG_MAX to double=%.1f\n", (double)ul);

    /* compound assignment */
    int j = 10;
    j += 2.7;   printf("j += 2.7 -> %d\n", j);
    j -= 0.5;   printf("j -= 0.5 -> %d\n", j);
    j *= 1.5;   printf("j *= 1.5 -> %d\n", j);
    j /= 0.3;   printf("j /= 0.3 -> %d\n", j);
    d *= i;     printf("d *= i -> %f\n", d);
    d /= 4;     printf("d /= 4 -> %f\n", d);
    d -= l;     printf("d -= l -> %f\n", d);
    f += 0.1;   printf("f += 0.1 -> %.9g\n", f);
    c += 1.9;   printf("c += 1.9 -> %c\n", c);
    u *= 2.5;   printf("u *= 2.5 -> %u\n", u);

    /* ++ and -- on doubles and floats */
    double e = 0.5;
    printf("e++=%f ", e++);
    printf("e=%f ", e);
    printf("++e=%f ", ++e);
    printf("e--=%f ", e--);
    printf("--e=%f ", --e);
    printf("e=%f\n", e);
    float g = 16777216.0f;
    g++;
    printf("float 2^24 ++ = %.1f\n", g);
    double h = 1e16;
    h++;
    printf("1e16 ++ = %.1f\n", h);

    /* unary minus */
    double z = 0.0;
    printf("-z=%f -(-z)=%f z-z=%f -z+0=%f\n", -z, -(-z), z - z, -z + 0);
    printf("-0.0f=%f 0*-1=%f\n", -0.0f, z * -1);
    printf("-z==z: %d, 1/-z=%f 1/z=%f\n", -z == z, 1 / -z, 1 / z);

    /* comparisons */
    volatile double nan = NAN;
    double one = 1.0;
    printf("nan==nan %d nan!=nan %d nan<1 %d nan>1 %d nan<=1 %d nan>=1 %d\n",
           nan == nan, nan != nan, nan < one, nan > one, nan <= one, nan >= one);
    printf("isunordered %d isless %d isgreaterequal %d\n", isunordered(nan, one), isless(one, 2.0), isgreaterequal(nan, one));
    printf("1<2.0 %d 2.0>=2 %d 0.1+0.2==0.3 %d 0.1f==0.1 %d 0.5f==0.5 %d\n",
           one < 2.0, 2.0 >= 2, 0.1 + 0.2 == 0.3, 0.1f == 0.1, 0.5f == 0.5);
    printf("-1 < 0u? %d  -1.0 < 0u? %d\n", -1 < (int)0u, -1.0 < 0u);

    /* logic */
    double zero = z, half = 0.5;
    printf("!zero=%d !half=%d !nan=%d !-0.0=%d\n", !zero, !half, !nan, !-z);
    printf("half&&1=%d zero&&1=%d zero||half=%d nan&&1=%d\n", half && 1, zero && 1, zero || half, nan && 1);
    if (half) printf("if (0.5) taken\n");
    if (-z) printf("if (-0.0) taken\n"); else printf("if (-0.0) not taken\n");
    int cnt = 0;
    for (double x = 1.0; x; x = x / 2) { cnt++; if (cnt > 2000) break; }
    printf("halvings of 1.0 to zero: %d\n", cnt);

    /* ?: with int and double branches */
    printf("%f %f\n", argc > 0 ? 1 : 2.5, argc > 5 ? 1 : 2.5);
    printf("sizeof(?:)=%zu sizeof(?: float int)=%zu\n", sizeof(argc ? 1 : 2.5), sizeof(argc ? 1 : 2.5f));
    int k = argc > 0 ? 3.9 : 1;
    printf("int k = cond ? 3.9 : 1 -> %d\n", k);

    /* casts to every integer type, in range */
    double p = 65.99, q = -65.99;
    printf("char %d %d uchar %d %d short %d %d ushort %d int %d %d uint %u long %ld %ld ulong %lu llong %lld ullong %llu bool %d %d %d\n",
           (char)p, (char)q, (unsigned char)p, (unsigned char)200.7, (short)p, (short)q, (unsigned short)60000.9,
           (int)p, (int)q, (unsigned)p, (long)p, (long)q, (unsigned long)1e19, (long long)q,
           (unsigned long long)1.8e19, (_Bool)0.5, (_Bool)z, (_Bool)nan);
    printf("(int)2147483647.9=%d (int)-2147483648.9=%d\n", (int)vd[14], (int)vd[15]);

    /* out-of-range casts, computed at run time */
    for (int n = 0; n < (int)(sizeof vd / sizeof vd[0]); n++) {
        double v = vd[n];
        printf("%-14g int %d long %ld short %d char %d uchar %u uint %u\n", v,
               (int)v, (long)v, (short)v, (signed char)v, (unsigned char)v, (unsigned)v);
    }
    volatile double vn = NAN, vi = INFINITY;
    printf("(int)nan %d (long)nan %ld (int)inf %d (int)-inf %d (long)inf %ld\n",
           (int)vn, (long)vn, (int)vi, (int)-vi, (long)vi);
    volatile float vf = 3e9f;
    printf("(int)3e9f %d (long)3e9f %ld (int)nanf %d\n", (int)vf, (long)vf, (int)(float)vn);
    volatile double vu1 = 1e19, vu2 = 1e20, vu3 = -1.0;
    printf("(unsigned long) 1e19 %lu 1e20 %lu -1.0 %lu\n", (unsigned long)vu1, (unsigned long)vu2, (unsigned long)vu3);

    /* int to float rounding */
    volatile int big_i = 16777217;
    volatile long big_l = 9007199254740993L;
    printf("(float)16777217 %.1f (double)2^53+1 %.1f (float)2^53+1 %.1f\n", (float)big_i, (double)big_l, (float)big_l);
    volatile unsigned long big_ul = 18446744073709550591UL;
    printf("(double)ULONG near max %.1f (float) %.1f\n", (double)big_ul, (float)big_ul);
    return (int)(d * 2) - 14; /* exit status from a double */
}
