/* Which NaN an operation on NaNs gives, as SSE gives it: the first
   operand's if it is one (so the sign printed depends on the order),
   made quiet; and INT_MIN / -1, which faults like a division by zero. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    volatile double m = -1.0;
    double neg = sqrt(m); /* -nan */
    double pos = NAN;
    printf("%f %f %f %f\n", neg + pos, pos + neg, neg * pos, pos / neg);
    printf("%f %f\n", neg - 1.0, 1.0 - neg);
    float fneg = -NAN, fpos = NAN;
    printf("%f %f\n", fneg + fpos, fpos + fneg);
    volatile double inf = INFINITY;
    printf("%f %f\n", inf - inf, 0.0 * inf);
    pid_t p = fork();
    if (p == 0) {
        volatile int a = INT_MIN, b = -1;
        printf("%d\n", a / b);
        _exit(0);
    }
    int st;
    waitpid(p, &st, 0);
    printf("child: signal %d\n", WIFSIGNALED(st) ? WTERMSIG(st) : 0);
    return 0;
}
