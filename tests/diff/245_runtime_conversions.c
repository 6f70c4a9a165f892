/* conversions at run time: float to every integer type (in and out of range), double to float (overflow, underflow, ties), long/unsigned/unsigned long to double and float (rounding of big values), int vs float comparisons, and a few more printf %a/%e/%g forms */
#include <stdio.h>
int main(void) {
    volatile float fv[] = { 3e9f, 5e9f, -1.0f, 1.8e19f, 2e19f, -3e9f, 4294967040.0f, 0.999f };
    for (int i = 0; i < 8; i++) { float f = fv[i];
        printf("%g u %u ul %lu l %ld i %d s %d uc %u\n", f, (unsigned)f, (unsigned long)f, (long)f, (int)f, (short)f, (unsigned char)f); }
    volatile double dv[] = { 1e39, 1e-46, 3.4028235677973366e38, 3.4028235677973362e38, 1.0000000596046448, 1.0000000596046449, -1e-46 };
    for (int i = 0; i < 7; i++) printf("%a -> %a\n", dv[i], (float)dv[i]);
    volatile long lv[] = { -9223372036854775807L - 1, -9007199254740993L, 9223372036854775807L, -16777217 };
    for (int i = 0; i < 4; i++) printf("%ld -> %a %a\n", lv[i], (double)lv[i], (float)lv[i]);
    volatile unsigned uv[] = { 4294967295u, 2147483649u, 16777217u };
    for (int i = 0; i < 3; i++) printf("%u -> %a %a\n", uv[i], (double)uv[i], (float)uv[i]);
    volatile unsigned long ulv[] = { 9223372036854775808UL, 9223372036854776833UL, 18446744073709551615UL, 9223373136366403584UL };
    for (int i = 0; i < 4; i++) printf("%lu -> %a %a\n", ulv[i], (double)ulv[i], (float)ulv[i]);
    volatile float f = 16777216.0f; volatile int k = 16777217;
    printf("%d %d\n", f == k, (double)f == k);
    printf("%#.0a %.14a %.13a %.1a %.2a [%#x]\n", 1.0, 1.0/3, 1.0/3, 1.96875, 1.99999, 0);
    printf("%5.1f%% %-8.3e| %+.0e %.100g\n", 99.55, -0.0, 0.5, 0.1);
    return 0;
}
