/* printf of 1,500 doubles from random bit patterns (and random halves and tenths) in 24 floating formats: glibc's exact digits, rounding half to even, subnormals, inf and nan */
#include <stdio.h>
#include <string.h>

static unsigned long long state = 88172645463325252ULL;

static unsigned long long next(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}

int main(void) {
    const char *formats[] = {"%f", "%.0f", "%.1f", "%.3f", "%.17f", "%e", "%.0e", "%.3e", "%.16e", "%g", "%.0g", "%.1g",
                             "%.3g", "%.17g", "%#g", "%#.0f", "%#.0e", "%a", "%.0a", "%.1a", "%.3a", "%A", "%+.2E", "% G"};
    int nformats = sizeof formats / sizeof formats[0];
    for (int i = 0; i < 1500; i++) {
        unsigned long long bits = next();
        double d;
        if (i % 3 == 0) {
            memcpy(&d, &bits, sizeof d);
        } else if (i % 3 == 1) {
            d = (double)(long long)(bits % 2000001 - 1000000) / 2.0 / (double)(1 << (bits >> 60));
        } else {
            d = (double)(long long)(bits % 20000001 - 10000000) / 10.0;
        }
        for (int f = 0; f < nformats; f++) {
            printf(formats[f], d);
            putchar(f + 1 < nformats ? ' ' : '\n');
        }
    }
    return 0;
}
