/* pins abs on ints (not INT_MIN), and abs used in distance and checksum computations */
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>

int main(void)
{
    int vals[] = { 0, 1, -1, 42, -42, INT_MAX, INT_MIN + 1 };
    for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++) printf("abs(%d)=%d\n", vals[i], abs(vals[i]));
    int xs[] = { 3, -4, 10, -7 }, ys[] = { -2, 5, 1, -9 };
    int manhattan = 0;
    for (int i = 0; i + 1 < 4; i++) manhattan += abs(xs[i + 1] - xs[i]) + abs(ys[i + 1] - ys[i]);
    printf("manhattan=%d\n", manhattan);
    signed char c = -100;
    printf("abs(char)=%d\n", abs(c));
    short s = -32768;
    printf("abs(short)=%d\n", abs(s));
    long l = -5000000000L;
    long la = l < 0 ? -l : l;
    printf("manual labs=%ld\n", la);
    return 0;
}
