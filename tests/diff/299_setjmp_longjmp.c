/* setjmp/longjmp for error recovery across calls, longjmp(env, 0)
   returning 1, sigsetjmp/siglongjmp out of a SIGALRM handler (the mask
   comes back, so the next alarm works), and a plain longjmp out of a
   handler, which leaves the signal blocked, as on Linux. */
#include <stdio.h>
#include <string.h>
#include <signal.h>
#include <setjmp.h>
#include <unistd.h>

static jmp_buf on_error;
static sigjmp_buf timeout_env;
static jmp_buf plain_env;
static volatile sig_atomic_t alarms;

static int parse_digit(char c) {
    if (c < '0' || c > '9')
        longjmp(on_error, c);
    return c - '0';
}

static int sum_digits(const char *s) {
    int total = 0;
    for (; *s; s++)
        total += parse_digit(*s);
    return total;
}

static void on_alarm(int sig) {
    (void)sig;
    alarms++;
    siglongjmp(timeout_env, 1);
}

static void on_usr1(int sig) {
    (void)sig;
    longjmp(plain_env, 2);
}

static int blocked(int sig) {
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    return sigismember(&now, sig);
}

int main(void) {
    const char *inputs[] = {"1234", "12x4", "999"};
    for (int k = 0; k < 3; k++) {
        int bad = setjmp(on_error);
        if (bad == 0)
            printf("%s: sum %d\n", inputs[k], sum_digits(inputs[k]));
        else
            printf("%s: bad character '%c'\n", inputs[k], bad);
    }
    volatile int rounds = 0;
    if (setjmp(on_error) < 3) {
        rounds++;
        longjmp(on_error, rounds == 1 ? 0 : rounds);
    }
    printf("rounds %d\n", (int)rounds);

    signal(SIGALRM, on_alarm);
    for (int k = 0; k < 2; k++) {
        if (sigsetjmp(timeout_env, 1) == 0) {
            alarm(1);
            pause();
            printf("not reached\n");
        } else {
            printf("timed out %d, SIGALRM blocked after siglongjmp: %d\n", (int)alarms, blocked(SIGALRM));
        }
    }

    signal(SIGUSR1, on_usr1);
    if (setjmp(plain_env) == 0)
        raise(SIGUSR1);
    else
        printf("out of the handler, SIGUSR1 blocked after longjmp: %d\n", blocked(SIGUSR1));
    return 0;
}
