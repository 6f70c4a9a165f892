/* Blocking and pending signals: SIGUSR1 raised three times while blocked
   is pending once; unblocking delivers it exactly once. SIGINT ignored
   with SIG_IGN is discarded; the old handler comes back from signal(). */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t usr1 = 0, usr2 = 0;
static void h1(int s) { (void)s; usr1++; }
static void h2(int s) { (void)s; usr2++; }

int main(void)
{
    signal(SIGUSR1, h1);
    void (*old)(int) = signal(SIGUSR2, h2);
    printf("previous SIGUSR2 handler was SIG_DFL: %d\n", old == SIG_DFL);
    old = signal(SIGUSR2, h2);
    printf("previous SIGUSR2 handler was h2: %d\n", old == h2);

    sigset_t set, oldset, pend;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &oldset);
    printf("SIGUSR1 blocked before: %d\n", sigismember(&oldset, SIGUSR1));

    for (int i = 0; i < 3; i++) raise(SIGUSR1);
    raise(SIGUSR2);
    sigpending(&pend);
    printf("after raising: usr1=%d usr2=%d pending(USR1)=%d pending(USR2)=%d\n",
           (int)usr1, (int)usr2, sigismember(&pend, SIGUSR1), sigismember(&pend, SIGUSR2));

    sigprocmask(SIG_SETMASK, &oldset, NULL);
    sigpending(&pend);
    printf("after unblocking: usr1=%d pending(USR1)=%d\n", (int)usr1, sigismember(&pend, SIGUSR1));

    signal(SIGINT, SIG_IGN);
    raise(SIGINT);
    printf("survived SIGINT while ignored\n");

    sigprocmask(SIG_BLOCK, &set, NULL);
    kill(getpid(), SIGUSR1);
    signal(SIGUSR1, SIG_IGN);      /* discards the pending one */
    sigpending(&pend);
    printf("pending after SIG_IGN: %d\n", sigismember(&pend, SIGUSR1));
    signal(SIGUSR1, h1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("final: usr1=%d usr2=%d\n", (int)usr1, (int)usr2);
    return 0;
}
