/* floating literals: decimal forms (leading zeros, no digits before or after the point, exponents, f/F suffix), hard-to-round decimals, subnormal and extreme values, and hexadecimal literals (0x1.8p1, 0x1p-1074, 0X1P+2) */
#include <stdio.h>

static const double dec[] = {
    1., .5, 5.e-1, .5e1, 1e0, 1E+2, 1e-2, 0e0, 0., 010.5, 09.5, 007e1, 00.25,
    0.1 + 0.2, 1.0 / 3, 9007199254740993.0, 9007199254740995.0,
    1.00000000000000011102230246251565404236316680908203125,  /* halfway between 1 and the next double: ties to even */
    1.000000000000000111022302462515654042363166809082031251, /* just above halfway */
    2.2250738585072011e-308, 2.2250738585072014e-308, 1e-320, 4.9406564584124654e-324, 2.4703282292062328e-324,
    1.7976931348623157e308, 123456789012345678901234567890.0, 3.141592653589793238462643383279502884197,
    0.000000000000000000000000000000000000000000001234,
};
static const float flt[] = {
    0.1f, .5F, 1e-45f, 1.4e-45F, 16777217.0f, 16777219.0f, 3.4028235677973366e38f, 1.00000005960464477539062500000001f,
    1.17549435e-38f, 1.1754942e-38f, 3.14159265358979f,
};
static const double hex[] = {
    0x1p0, 0x1p-2, 0x1.8p1, 0x10p0, 0x1P+2, 0XAp0, 0xa.8p0, 0x.8p1, 0x1.p3, 0x0p0, 0x1p-1074, 0x1p-1022,
    0x1.fffffffffffffp1023, 0x1.999999999999ap-4, 0x3.243f6a8885a3p0, 0x1p+10, 0xFFp-8,
};
static const float hexf[] = { 0x1.8p1f, 0x1p-149f, 0x1.fffffep127f, 0x1.99999ap-4F };

int main(void) {
    for (unsigned i = 0; i < sizeof dec / sizeof dec[0]; i++) printf("dec[%u] %a %.17g\n", i, dec[i], dec[i]);
    for (unsigned i = 0; i < sizeof flt / sizeof flt[0]; i++) printf("flt[%u] %a %.9g\n", i, flt[i], flt[i]);
    for (unsigned i = 0; i < sizeof hex / sizeof hex[0]; i++) printf("hex[%u] %a %.17g\n", i, hex[i], hex[i]);
    for (unsigned i = 0; i < sizeof hexf / sizeof hexf[0]; i++) printf("hexf[%u] %a %.9g\n", i, hexf[i], hexf[i]);
    /* literals in expressions, not only in initializers */
    double x = 0x1.8p1 * 2, y = 1e-1 + 0x1p-2, z = -0x1p3;
    float f = 0x1p-1f + .25f;
    printf("expr %g %g %g %g sizeof 1.f %zu sizeof 0x1p0 %zu sizeof 0x1p0f %zu\n", x, y, z, f, sizeof 1.f, sizeof 0x1p0, sizeof 0x1p0f);
    return 0;
}
