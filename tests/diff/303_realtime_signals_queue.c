/* Real-time signals queue (each sigqueue is one delivery, values in
   order), standard ones do not; sigwaitinfo takes queued instances one
   by one. */
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t handled, last_value, usr1;
static void rt(int s, siginfo_t *si, void *c) { (void)s; (void)c; handled++; last_value = si->si_value.sival_int; }
static void on_usr1(int s) { (void)s; usr1++; }

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = rt;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGRTMIN, &sa, NULL);
    signal(SIGUSR1, on_usr1);
    sigset_t b, o;
    sigemptyset(&b);
    sigaddset(&b, SIGRTMIN);
    sigaddset(&b, SIGUSR1);
    sigprocmask(SIG_BLOCK, &b, &o);
    for (int i = 1; i <= 3; i++) {
        union sigval v = {.sival_int = i * 10};
        sigqueue(getpid(), SIGRTMIN, v);
        kill(getpid(), SIGUSR1);
    }
    sigprocmask(SIG_SETMASK, &o, NULL);
    printf("SIGRTMIN handled %d, last value %d; SIGUSR1 handled %d\n", (int)handled, (int)last_value, (int)usr1);
    sigset_t w;
    sigemptyset(&w);
    sigaddset(&w, SIGRTMIN + 1);
    sigprocmask(SIG_BLOCK, &w, NULL);
    for (int i = 1; i <= 2; i++) {
        union sigval v = {.sival_int = i};
        sigqueue(getpid(), SIGRTMIN + 1, v);
    }
    for (int i = 0; i < 2; i++) {
        siginfo_t info;
        int s = sigwaitinfo(&w, &info);
        printf("took SIGRTMIN+%d value %d\n", s - SIGRTMIN, info.si_value.sival_int);
    }
    struct timespec zero = {0, 0};
    printf("then: %d\n", sigtimedwait(&w, NULL, &zero));
    return 0;
}
