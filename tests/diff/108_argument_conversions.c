/* pins implicit conversions at calls and returns through prototypes: int->long, long->int, int->char, unsigned params */
#include <stdio.h>

static long widen(long v) { return v * 2; }
static int narrow(int v) { return v; }
static unsigned char low_byte(unsigned char c) { return c; }
static signed char as_schar(signed char c) { return c; }
static unsigned to_unsigned(unsigned u) { return u; }
static short ret_short(long v) { return (short)v; }
static long long ret_ll(int v) { return v; }

int main(void)
{
    int big = 2000000000;
    printf("widen=%ld\n", widen(big));
    long l = 0x1234567890L;
    printf("narrow=%d\n", narrow((int)l));
    printf("low_byte(0x1ff)=%d\n", low_byte((unsigned char)0x1ff));
    printf("as_schar(200)=%d\n", as_schar((signed char)200));
    printf("to_unsigned(-1)=%u\n", to_unsigned((unsigned)-1));
    printf("ret_short(70000)=%d\n", ret_short(70000));
    printf("ret_ll(-5)=%lld\n", ret_ll(-5));
    char c = 'x';
    printf("widen(char)=%ld\n", widen(c));
    unsigned u = 4000000000u;
    printf("widen(unsigned)=%ld\n", widen(u));
    short s = -3;
    printf("widen(short)=%ld\n", widen(s));
    _Bool b = 1;
    printf("widen(bool)=%ld\n", widen(b));
    long neg = -1;
    printf("to_unsigned((unsigned)-1L)=%u\n", to_unsigned((unsigned)neg));
    return 0;
}
