/* sigsuspend with the signal blocked beforehand (the race-free wait): the child kills the
   parent, whose sigsuspend(&oldmask) returns -1 EINTR after the handler ran and restores
   the blocked mask; then parent and child alternate SIGUSR1/SIGUSR2 three times, each
   waiting in sigsuspend for the other's signal, so the lines interleave deterministically. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got1, got2, last;
static void on_sig(int sig) {
    last = sig;
    if (sig == SIGUSR1) got1++;
    else got2++;
}
static void wait_for(volatile sig_atomic_t *flag, int want, const sigset_t *during) {
    while (*flag < want)
        sigsuspend(during);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sig;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    sigset_t block, oldmask, now;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGUSR2);
    sigprocmask(SIG_BLOCK, &block, &oldmask);

    fflush(stdout);
    pid_t parent = getpid(), pid = fork();
    if (pid == 0) {
        kill(parent, SIGUSR2);
        for (int i = 1; i <= 3; i++) {
            wait_for(&got1, i, &oldmask);
            printf("child: ping %d\n", i);
            fflush(stdout);
            kill(parent, SIGUSR2);
        }
        _exit(0);
    }
    errno = 0;
    int r = sigsuspend(&oldmask);
    int e = errno;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("sigsuspend -> %d %s, handler saw %d, USR1/USR2 still blocked: %d/%d\n", r, strerror(e), (int)last,
           sigismember(&now, SIGUSR1), sigismember(&now, SIGUSR2));
    for (int i = 1; i <= 3; i++) {
        printf("parent: serve %d\n", i);
        fflush(stdout);
        kill(pid, SIGUSR1);
        wait_for(&got2, i + 1, &oldmask);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("parent: got2=%d, child exit %d\n", (int)got2, WEXITSTATUS(st));
    return 0;
}
