/* signbit gives what gcc's code gives on x86_64: 1 for a double, the sign bit in place (INT_MIN) for a float, 512 (the x87 status word's C1) for a long double; isinf gives -1 for minus infinity. */
#include <stdio.h>
#include <math.h>
int main(void) { volatile double d = -0.0; volatile float f = -0.0f; volatile long double l = -0.0L; volatile long double p = 2.0L;
printf("%d %d %d %d %d\n", signbit(d), signbit(f), signbit(l), signbit(p), signbit(-p));
long double inf = 1.0L / 0.0L;
printf("%d %d %d\n", isinf(inf), isinf(-inf), isinf(p)); return 0; }
