/* Timeout with alarm: a SIGALRM handler counts ticks, re-arming the alarm
   until three ticks have passed. The textbook "while (ticks < 3) pause();"
   can lose a wake-up (the alarm may fire between the test and pause), so
   SIGALRM is blocked and the wait is a sigsuspend with it unblocked. */
#include <stdio.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t ticks = 0;

static void on_alarm(int sig)
{
    (void)sig;
    ticks++;
    if (ticks < 3)
        alarm(1);
}

int main(void)
{
    if (signal(SIGALRM, on_alarm) == SIG_ERR) { perror("signal"); return 1; }
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGALRM);
    sigprocmask(SIG_BLOCK, &block, &old);

    printf("alarm(5) returns %u\n", alarm(5));
    printf("alarm(1) returns %u (seconds left of the previous)\n", alarm(1));
    while (ticks < 3) {
        sigsuspend(&old);
        printf("woke up, ticks = %d\n", (int)ticks);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("alarm(0) returns %u\n", alarm(0));
    return 0;
}
