/* SA_RESETHAND and SA_NODEFER: a one-shot handler finds its disposition already back to
   SIG_DFL while it runs, so the second raise takes the default action and kills the
   process with SIGUSR1. Without SA_NODEFER a raise inside a handler stays pending until
   the handler returns (the runs are sequential); with SA_NODEFER it nests at once. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char trace[64];
static volatile sig_atomic_t len, depth, blocked_inside, was_default;
static void note(char c) { if (len < 63) trace[len++] = c; }
static void nesting(int sig) {
    note('(');
    if (++depth == 1)
        raise(sig);
    note(')');
}
static void once(int sig) {
    struct sigaction cur;
    sigaction(sig, NULL, &cur);
    was_default = cur.sa_handler == SIG_DFL;
    sigset_t m;
    sigprocmask(SIG_BLOCK, NULL, &m);
    blocked_inside = sigismember(&m, sig);
}
static void install(int sig, void (*h)(int), int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = h;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sigaction(sig, &sa, NULL);
}

int main(void) {
    install(SIGUSR2, nesting, 0);
    raise(SIGUSR2);
    trace[len] = 0;
    printf("default (deferred): %s\n", trace);
    len = depth = 0;
    install(SIGUSR2, nesting, SA_NODEFER);
    raise(SIGUSR2);
    trace[len] = 0;
    printf("SA_NODEFER (nested): %s\n", trace);

    install(SIGUSR1, once, SA_RESETHAND);
    raise(SIGUSR1);
    printf("SA_RESETHAND: inside, disposition was SIG_DFL %d, own signal blocked %d\n", (int)was_default, (int)blocked_inside);
    struct sigaction cur;
    sigaction(SIGUSR1, NULL, &cur);
    printf("after: SIG_DFL %d, flags kept 0x%x\n", cur.sa_handler == SIG_DFL, (unsigned)cur.sa_flags & ~0x04000000u);
    install(SIGUSR1, once, SA_RESETHAND | SA_NODEFER);
    was_default = blocked_inside = -1;
    raise(SIGUSR1);
    printf("RESETHAND|NODEFER: SIG_DFL inside %d, blocked %d\n", (int)was_default, (int)blocked_inside);
    printf("second raise of SIGUSR1 now kills\n");
    fflush(stdout);
    raise(SIGUSR1);
    printf("not reached\n");
    return 0;
}
