/* A signal sent while blocked and ignored stays pending (Linux keeps a blocked signal whatever its disposition: the handler may change before it is unblocked), is caught if a handler is set before the unblock, and is discarded at the unblock if still ignored. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>
static volatile int caught;
static void on(int s) { (void)s; caught++; }
int main(void) {
    sigset_t m; sigemptyset(&m); sigaddset(&m, SIGUSR1);
    sigprocmask(SIG_BLOCK, &m, NULL);
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    sigset_t p; sigpending(&p); printf("pending %d\n", sigismember(&p, SIGUSR1));
    signal(SIGUSR1, on);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    printf("caught %d\n", caught);
    sigprocmask(SIG_BLOCK, &m, NULL);
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &m, NULL);
    sigpending(&p); printf("pending %d caught %d\n", sigismember(&p, SIGUSR1), caught);
    return 0;
}
