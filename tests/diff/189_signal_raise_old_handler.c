/* signal() and raise(): the handler runs before raise returns and sees the signal number;
   glibc's signal() keeps the handler installed (BSD semantics), so a second raise runs it
   again; signal() returns the previous disposition (SIG_DFL first, then the handler, then
   SIG_IGN); SIG_IGN swallows a raise; SIGKILL/SIGSTOP and bad numbers give SIG_ERR EINVAL. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t last, count;
static void on_usr(int sig) { last = sig; count++; }
static void other(int sig) { (void)sig; count += 100; }

static const char *name(void (*h)(int)) {
    if (h == SIG_DFL) return "SIG_DFL";
    if (h == SIG_IGN) return "SIG_IGN";
    if (h == SIG_ERR) return "SIG_ERR";
    if (h == on_usr) return "on_usr";
    if (h == other) return "other";
    return "?";
}

int main(void) {
    void (*old)(int) = signal(SIGUSR1, on_usr);
    printf("first install returned %s\n", name(old));
    int r = raise(SIGUSR1);
    printf("raise -> %d, last=%d count=%d\n", r, (int)last, (int)count);
    r = raise(SIGUSR1);
    printf("again -> %d, last=%d count=%d\n", r, (int)last, (int)count);
    old = signal(SIGUSR2, on_usr);
    printf("SIGUSR2 first: %s\n", name(old));
    raise(SIGUSR2);
    printf("after SIGUSR2: last=%d count=%d\n", (int)last, (int)count);
    old = signal(SIGUSR1, SIG_IGN);
    printf("replacing on_usr returned %s\n", name(old));
    raise(SIGUSR1);
    printf("ignored: count=%d\n", (int)count);
    old = signal(SIGUSR1, other);
    printf("replacing SIG_IGN returned %s\n", name(old));
    raise(SIGUSR1);
    old = signal(SIGUSR1, SIG_DFL);
    printf("count=%d, replacing other returned %s, now %s\n", (int)count, name(old), name(signal(SIGUSR1, SIG_DFL)));
    errno = 0;
    old = signal(SIGKILL, on_usr);
    printf("SIGKILL: %s errno=%s\n", name(old), strerror(errno));
    errno = 0;
    old = signal(SIGSTOP, SIG_IGN);
    printf("SIGSTOP: %s errno=%s\n", name(old), strerror(errno));
    errno = 0;
    old = signal(0, on_usr);
    printf("0: %s errno=%s\n", name(old), strerror(errno));
    errno = 0;
    old = signal(65, on_usr);
    printf("65: %s errno=%s\n", name(old), strerror(errno));
    errno = 0;
    r = raise(0);
    printf("raise(0) -> %d errno=%d\n", r, errno);
    errno = 0;
    r = raise(99);
    printf("raise(99) -> %d errno=%s\n", r, strerror(errno));
    old = signal(SIGTERM, SIG_IGN);
    raise(SIGTERM);
    printf("SIGTERM ignored (was %s); now SIG_DFL and raise\n", name(old));
    fflush(stdout);
    signal(SIGTERM, SIG_DFL);
    raise(SIGTERM);
    printf("not reached\n");
    return 0;
}
