/* sigprocmask and sigpending: a raised SIGUSR1 that is blocked stays pending (sigismember
   sees it), repeats coalesce into one delivery, and unblocking runs the handler before
   sigprocmask returns; two pending signals run lowest number first; inside a handler its
   own signal is blocked; SIGKILL cannot be blocked; a bad `how` is EINVAL; a blocked
   pending signal is discarded when its disposition becomes SIG_IGN, or SIG_DFL with a
   default of ignore (SIGCHLD). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char order[16];
static volatile sig_atomic_t n, self_blocked;
static void on_sig(int sig) {
    sigset_t cur;
    sigprocmask(SIG_BLOCK, NULL, &cur);
    self_blocked = sigismember(&cur, sig);
    order[n++] = sig == SIGUSR1 ? '1' : sig == SIGUSR2 ? '2' : '?';
    write(1, sig == SIGUSR1 ? "  [handler USR1]\n" : "  [handler USR2]\n", 17);
}
static void pend(const char *when) {
    sigset_t p;
    sigemptyset(&p);
    sigpending(&p);
    printf("%s: pending USR1=%d USR2=%d TERM=%d\n", when, sigismember(&p, SIGUSR1), sigismember(&p, SIGUSR2), sigismember(&p, SIGTERM));
    fflush(stdout);
}

int main(void) {
    signal(SIGUSR1, on_sig);
    signal(SIGUSR2, on_sig);
    sigset_t s, old;
    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigaddset(&s, SIGKILL);
    printf("block -> %d\n", sigprocmask(SIG_BLOCK, &s, &old));
    printf("old mask had USR1: %d\n", sigismember(&old, SIGUSR1));
    raise(SIGUSR1);
    raise(SIGUSR1);
    raise(SIGUSR1);
    pend("after three raises");
    printf("before unblock, handled %d\n", (int)n);
    fflush(stdout);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    printf("after unblock, handled %d, own signal blocked inside: %d\n", (int)n, (int)self_blocked);
    pend("after unblock");

    sigaddset(&s, SIGUSR2);
    sigprocmask(SIG_SETMASK, &s, &old);
    sigprocmask(SIG_BLOCK, NULL, &old);
    printf("mask now: USR1=%d USR2=%d KILL=%d STOP=%d\n", sigismember(&old, SIGUSR1), sigismember(&old, SIGUSR2),
           sigismember(&old, SIGKILL), sigismember(&old, SIGSTOP));
    raise(SIGUSR2);
    raise(SIGUSR1);
    pend("both raised");
    sigemptyset(&s);
    sigprocmask(SIG_SETMASK, &s, NULL);
    order[n] = 0;
    printf("delivery order: %s\n", order);

    errno = 0;
    int r = sigprocmask(12345, &s, NULL);
    printf("bad how -> %d %s\n", r, strerror(errno));
    r = sigprocmask(12345, NULL, &old);
    printf("bad how with NULL set -> %d\n", r);

    sigaddset(&s, SIGTERM);
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGTERM);
    pend("SIGTERM blocked");
    signal(SIGTERM, SIG_IGN);
    pend("after SIG_IGN");
    signal(SIGTERM, SIG_DFL);
    sigprocmask(SIG_UNBLOCK, &s, NULL);
    printf("survived: SIGTERM was discarded\n");
    signal(SIGCHLD, on_sig);
    sigemptyset(&s);
    sigaddset(&s, SIGCHLD);
    sigprocmask(SIG_BLOCK, &s, NULL);
    raise(SIGCHLD);
    sigpending(&old);
    printf("SIGCHLD pending %d", sigismember(&old, SIGCHLD));
    signal(SIGCHLD, SIG_DFL);
    sigpending(&old);
    printf(", after SIG_DFL %d\n", sigismember(&old, SIGCHLD));
    return 0;
}
