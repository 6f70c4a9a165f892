/* <math.h> comparison macros (isgreater, isgreaterequal, isless, islessequal, islessgreater, isunordered) on pairs with NaN, infinities, signed zeros, floats and ints */
#include <stdio.h>
#include <math.h>

int main(void) {
    volatile double v[] = { -INFINITY, -1.5, -0.0, 0.0, 1e-310, 2.0, INFINITY, NAN };
    const int n = sizeof v / sizeof v[0];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            double x = v[i], y = v[j];
            printf("%-5g %-5g  > %d >= %d < %d <= %d <> %d unord %d == %d\n", x, y, isgreater(x, y), isgreaterequal(x, y),
                   isless(x, y), islessequal(x, y), islessgreater(x, y), isunordered(x, y), x == y);
        }
    volatile float f = 0.5f, fn = NAN;
    printf("float: %d %d %d %d\n", isless(f, 1), islessgreater(f, 0.5), isunordered(fn, f), isgreater(2, f));
    return 0;
}
