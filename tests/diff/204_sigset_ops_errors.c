/* sigset_t operations against glibc: sigemptyset/sigfillset return 0; sigaddset and
   sigdelset reject 0, negatives, 65 and above, and glibc's internal signals 32 and 33 with
   -1 EINVAL; sigismember rejects only the out-of-range ones; a filled set lacks 32 and 33;
   SIGRTMIN/SIGRTMAX are 34/64; sigprocmask with a full set blocks everything except
   SIGKILL and SIGSTOP (and the internal two). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void try(const char *what, int r) {
    printf("%-22s -> %2d %s\n", what, r, r < 0 ? strerror(errno) : "");
    errno = 0;
}
static int count(const sigset_t *s, char *missing) {
    int n = 0;
    *missing = 0;
    for (int i = 1; i <= 64; i++) {
        if (sigismember(s, i) == 1)
            n++;
        else
            sprintf(missing + strlen(missing), " %d", i);
    }
    return n;
}

int main(void) {
    sigset_t s, full, cur;
    char miss[256];
    try("sigemptyset", sigemptyset(&s));
    try("sigfillset", sigfillset(&full));
    printf("full set has %d members, missing:%s\n", count(&full, miss), miss);
    printf("empty set has %d members\n", count(&s, miss));
    int sigs[] = {0, -1, 1, 31, 32, 33, 34, 64, 65, 1000};
    char label[40];
    for (int i = 0; i < 10; i++) {
        sprintf(label, "sigaddset(%d)", sigs[i]);
        try(label, sigaddset(&s, sigs[i]));
        sprintf(label, "sigismember(%d)", sigs[i]);
        try(label, sigismember(&s, sigs[i]));
        sprintf(label, "sigdelset(%d)", sigs[i]);
        try(label, sigdelset(&full, sigs[i]));
    }
    printf("after adds: %d members, full after dels: %d members\n", count(&s, miss), count(&full, miss));
    printf("SIGRTMIN %d SIGRTMAX %d\n", (int)SIGRTMIN, (int)SIGRTMAX);

    sigfillset(&full);
    try("sigprocmask(full)", sigprocmask(SIG_SETMASK, &full, NULL));
    sigemptyset(&cur);
    sigprocmask(SIG_BLOCK, NULL, &cur);
    printf("blocked now: %d, missing:%s\n", count(&cur, miss), miss);
    sigaddset(&cur, SIGKILL);
    sigaddset(&cur, SIGSTOP);
    printf("KILL/STOP addable to a set: %d %d\n", sigismember(&cur, SIGKILL), sigismember(&cur, SIGSTOP));
    sigemptyset(&cur);
    sigprocmask(SIG_SETMASK, &cur, &full);
    printf("old mask count %d\n", count(&full, miss));
    return 0;
}
