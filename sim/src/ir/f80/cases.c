#include <stdio.h>
#include <string.h>
#include <math.h>
#include <float.h>
#include <stdint.h>
#include <stdlib.h>
#include <errno.h>
typedef struct { uint64_t m; uint16_t se; } B;
static B bits(long double x){ B b; memcpy(&b.m,&x,8); memcpy(&b.se,(char*)&x+8,2); return b; }
static long double mk(uint16_t se, uint64_t m){ long double x=0; memcpy(&x,&m,8); memcpy((char*)&x+8,&se,2); return x; }
static void pr(long double x){ B b=bits(x); printf(" %04x:%016llx", b.se, (unsigned long long)b.m); }
static uint64_t s=88172645463325252ULL;
static uint64_t rnd(void){ s^=s<<13; s^=s>>7; s^=s<<17; return s; }
int main(void){
  long double v[64]; int n=0;
  v[n++]=0.0L; v[n++]=-0.0L; v[n++]=1.0L; v[n++]=-1.0L; v[n++]=3.0L; v[n++]=0.1L; v[n++]=1.0L/3; v[n++]=-2.5L;
  v[n++]=LDBL_MAX; v[n++]=-LDBL_MAX; v[n++]=LDBL_MIN; v[n++]=LDBL_MIN/3; v[n++]=LDBL_TRUE_MIN; v[n++]=-LDBL_TRUE_MIN*5;
  v[n++]=1.0L/0.0L; v[n++]=-1.0L/0.0L; v[n++]=mk(0x7fff,0xC000000000000000ULL); v[n++]=mk(0xffff,0xC000000000001234ULL);
  v[n++]=1.0L+LDBL_EPSILON; v[n++]=1.0L-LDBL_EPSILON/2; v[n++]=LDBL_EPSILON/2; v[n++]=LDBL_EPSILON; v[n++]=0x1p63L; v[n++]=0x1p64L;
  v[n++]=-0x1p63L; v[n++]=1e30L; v[n++]=4e9L; v[n++]=-3.7L; v[n++]=2147483647.5L; v[n++]=-2147483648.9L; v[n++]=1e-300L; v[n++]=1e300L;
  v[n++]=DBL_MAX; v[n++]=DBL_MIN; v[n++]=DBL_MIN/3; v[n++]=0x1.fffffffffffffp-1L+0x1p-54L; v[n++]=0x1.000000000000008p0L; v[n++]=0x1.000000000000018p0L;
  v[n++]=mk(0x3fff,0xFFFFFFFFFFFFFFFFULL); v[n++]=mk(0x0000,0x8000000000000001ULL); v[n++]=mk(0x4000,0x7000000000000000ULL);
  v[n++]=FLT_MAX; v[n++]=0x1.ffffffp127L; v[n++]=FLT_MIN/7; v[n++]=123456789.0L; v[n++]=mk(0x43fe,0xFFFFFFFFFFFFFFFFULL); v[n++]=mk(0x3ffe,0xFFFFFFFFFFFFFFFFULL);
  v[n++]=2.0L; v[n++]=mk(0x0001,0x8000000000000000ULL); v[n++]=mk(0x0000,0x4000000000000000ULL);
  /* unary */
  for(int i=0;i<n;i++){ long double x=v[i]; printf("u"); pr(x); pr(sqrtl(x)); double d=(double)x; float f=(float)x; uint64_t db; uint32_t fb; memcpy(&db,&d,8); memcpy(&fb,&f,4);
    printf(" %016llx %08x", (unsigned long long)db, fb);
    volatile long double y=x; printf(" %d %u %ld %lu", (int)y, (unsigned)y, (long)y, (unsigned long)y);
    pr((long double)d); pr((long double)f); printf("\n"); }
  /* integers */
  long long ints[] = {0,1,-1,123,-9223372036854775807LL-1,9223372036854775807LL,1234567890123456789LL};
  for(int i=0;i<7;i++){ printf("i %lld", ints[i]); pr((long double)ints[i]); pr((long double)(unsigned long long)ints[i]); printf("\n"); }
  for(int i=0;i<n;i++) for(int j=0;j<n;j++){ long double a=v[i],b=v[j]; printf("b"); pr(a); pr(b); pr(a+b); pr(a-b); pr(a*b); pr(a/b); printf(" %d%d%d%d\n", a<b, a==b, a>b, a<=b); }
  for(int k=0;k<1500;k++){
    uint64_t r=rnd(); uint16_t ea=0x3fff+(int)(r%64)-32; if(k%5==0) ea = (r>>8)%3; if(k%7==0) ea=0x7ffe - (r>>9)%3;
    long double a=mk(ea|((r>>20)&1?0x8000:0), rnd()|0x8000000000000000ULL|((k%5==0&&ea==0)?0:0));
    uint64_t r2=rnd(); uint16_t eb=0x3fff+(int)(r2%64)-32; if(k%11==0) eb=ea; if (k%13==0) eb=ea+64; 
    long double b=mk(eb|((r2>>20)&1?0x8000:0), rnd()|0x8000000000000000ULL);
    if(k%3==0){ uint64_t mm=rnd(); b=mk(eb|0, (mm|0x8000000000000000ULL)&~0xfffULL); a=mk(ea, (mm|0x8000000000000000ULL) & (~0xfffULL | 0x800ULL)); }
    if((ea&0x7fff)==0){ B t=bits(a); a=mk(t.se, t.m>>3); }
    printf("b"); pr(a); pr(b); pr(a+b); pr(a-b); pr(a*b); pr(a/b); printf(" %d%d%d%d\n", a<b, a==b, a>b, a<=b);
    printf("u"); pr(a); pr(sqrtl(a)); double d=(double)a; float f=(float)a; uint64_t db; uint32_t fb; memcpy(&db,&d,8); memcpy(&fb,&f,4);
    printf(" %016llx %08x", (unsigned long long)db, fb);
    volatile long double y=a; printf(" %d %u %ld %lu", (int)y, (unsigned)y, (long)y, (unsigned long)y);
    pr((long double)d); pr((long double)f); printf("\n");
  }
  static const char *strs[] = {"0", "1", "0.1", "-2.5e-3", "1e4932", "1.18973149535723176502e+4932", "1.18973149535723176503e+4932", "1e5000",
    "3.36210314311209350626e-4932", "1e-4950", "1e-4960", "3.6451995318824746025e-4951", "0x1p-16445", "0x1.8p-16446", "nan(123)", "-nan", "inf", "-Infinity",
    "0x1.fffffffffffffffep0", "0x1.ffffffffffffffffp0", "123456789012345678901234567890", "1.00000000000000000005421010862427522170037264004349708557128906250",
    "1.00000000000000000005421010862427522170037264004349708557128906251", "1.00000000000000000016263032587282566510111792013049125671386718750",
    "2.2250738585072014e-308", "4.9406564584124654e-324", "1e-4940", "+12.5e+2xyz", "0x", ".e1", "1e", "3.14159265358979323846264338327950288",
    "0.000000000000000000000000000000000000001234567890123456789", "18446744073709551615.5", "9223372036854775807.5", "1e400", "1e-400"};
  for (unsigned i = 0; i < sizeof strs / sizeof *strs; i++) { char *end; errno = 0; long double x = strtold(strs[i], &end);
    printf("s %s %d %d", strs[i], (int)(end - strs[i]), errno == ERANGE); pr(x); printf("\n"); }
  static const char *fmts[] = {"%La", "%LA", "%.3La", "%.0La", "%#.0La", "%Lf", "%.0Lf", "%.25Lf", "%Le", "%.30Le", "%LE", "%Lg", "%.21Lg", "%#Lg", "%.0Lg", "%+Lf", "% Le", "%LG", "%.40Lg"};
  for (int i = 0; i < n; i++) for (unsigned f = 0; f < sizeof fmts / sizeof *fmts; f++) {
    if (f == 5 || f == 6 || f == 7 || f == 15) { if (!(fabsl(v[i]) < 1e40L)) continue; }
    printf("p"); pr(v[i]); printf(" %u|", f); printf(fmts[f], v[i]); printf("|\n"); }
  return 0;
}
