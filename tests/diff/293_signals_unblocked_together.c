/* Signals unblocked together: Linux sets up every handler's frame before
   returning to user mode, the lowest-numbered first, so the last one set
   up (the highest number) runs first; a handler's sa_mask holds back the
   signals it names until it returns. */
#include <stdio.h>
#include <string.h>
#include <signal.h>

static volatile sig_atomic_t order[8], n;
static void h(int s) { if (n < 8) order[n++] = s; }

static void show(const char *what) {
    printf("%s:", what);
    for (int k = 0; k < n; k++) printf(" %d", order[k]);
    printf("\n");
    n = 0;
}

static void block_raise_unblock(const int *sigs, int count) {
    sigset_t set;
    sigemptyset(&set);
    for (int k = 0; k < count; k++) sigaddset(&set, sigs[k]);
    sigprocmask(SIG_BLOCK, &set, NULL);
    for (int k = 0; k < count; k++) raise(sigs[k]);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);
    int two[] = {SIGINT, SIGTERM};
    block_raise_unblock(two, 2);
    show("INT TERM");
    int three[] = {SIGUSR2, SIGINT, SIGUSR1};
    block_raise_unblock(three, 3);
    show("USR2 INT USR1");
    /* SIGINT's handler now blocks SIGUSR1 while it runs. */
    sigemptyset(&sa.sa_mask);
    sigaddset(&sa.sa_mask, SIGUSR1);
    sigaction(SIGINT, &sa, NULL);
    block_raise_unblock(three, 3);
    show("masked");
    return 0;
}
