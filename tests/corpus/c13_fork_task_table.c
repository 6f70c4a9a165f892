/* Each child runs one task taken from an array of function pointers and
   returns its result in the exit status; the parent waits for the
   children in creation order with waitpid and prints the results. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static int factorial_mod(int n) { int r = 1; for (int i = 2; i <= n; i++) r = r * i % 251; return r; }
static int fib(int n) { int a = 0, b = 1; while (n--) { int t = a + b; a = b; b = t; } return a % 256; }
static int primes_below(int n)
{
    int c = 0;
    for (int i = 2; i < n; i++) {
        int p = 1;
        for (int d = 2; d * d <= i; d++) if (i % d == 0) { p = 0; break; }
        c += p;
    }
    return c;
}
static int digit_sum(int n) { int s = 0; while (n) { s += n % 10; n /= 10; } return s; }
static int collatz_steps(int n) { int s = 0; while (n != 1) { n = n % 2 ? 3 * n + 1 : n / 2; s++; } return s; }

struct task { const char *name; int (*fn)(int); int arg; };

int main(void)
{
    struct task tasks[] = {
        {"factorial_mod", factorial_mod, 10}, {"fib", fib, 12},
        {"primes_below", primes_below, 500}, {"digit_sum", digit_sum, 987654321},
        {"collatz_steps", collatz_steps, 27},
    };
    int n = sizeof tasks / sizeof tasks[0];
    pid_t pids[5];
    printf("starting %d tasks\n", n);
    fflush(stdout);
    for (int i = 0; i < n; i++) {
        pids[i] = fork();
        if (pids[i] < 0) { perror("fork"); exit(1); }
        if (pids[i] == 0) {
            int r = tasks[i].fn(tasks[i].arg);
            exit(r & 0xff);
        }
    }
    int sum = 0;
    for (int i = 0; i < n; i++) {
        int status;
        if (waitpid(pids[i], &status, 0) != pids[i]) { perror("waitpid"); return 1; }
        if (WIFEXITED(status)) {
            printf("%-14s(%d) = %d\n", tasks[i].name, tasks[i].arg, WEXITSTATUS(status));
            sum += WEXITSTATUS(status);
        }
    }
    printf("sum of results %d\n", sum);
    printf("direct check: fib(12)=%d collatz(27)=%d\n", fib(12), collatz_steps(27));
    return 0;
}
