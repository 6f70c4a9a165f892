/* kill(getpid(), SIGTERM) under three dispositions, each in a child: a handler runs
   before kill returns and the child exits normally; SIG_IGN makes it a no-op (kill still
   returns 0); the default kills (WTERMSIG 15). Handlers and SIG_IGN are inherited by fork.
   Also: kill(pid, 0) probes, ESRCH for a reaped child, EINVAL for a bad signal, and
   SIGKILL, which cannot be caught, kills even with a SIGTERM handler installed. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;
static void on_term(int sig) { caught = sig; write(1, "  handler: SIGTERM\n", 19); }

static pid_t run(int how) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (how == 2) signal(SIGTERM, SIG_DFL);
        int r = kill(getpid(), how == 3 ? SIGKILL : SIGTERM);
        printf("  child %d: kill returned %d, caught %d\n", how, r, (int)caught);
        fflush(stdout);
        _exit(10 + how);
    }
    return pid;
}
static void report(int how, pid_t pid) {
    int st;
    waitpid(pid, &st, 0);
    if (WIFSIGNALED(st))
        printf("child %d: killed by signal %d\n", how, WTERMSIG(st));
    else
        printf("child %d: exit %d\n", how, WEXITSTATUS(st));
    errno = 0;
    int r = kill(pid, 0);
    printf("child %d reaped: kill(pid, 0) -> %d %s\n", how, r, strerror(errno));
}

int main(void) {
    signal(SIGTERM, on_term);
    report(0, run(0));
    report(3, run(3));
    signal(SIGTERM, SIG_IGN);
    report(1, run(1));
    report(2, run(2));
    printf("self probe: %d\n", kill(getpid(), 0));
    errno = 0;
    int r = kill(getpid(), 99);
    printf("bad signal: %d %s\n", r, strerror(errno));
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    errno = 0;
    r = sigaction(SIGKILL, &sa, NULL);
    printf("sigaction(SIGKILL): %d %s\n", r, strerror(errno));
    r = kill(getpid(), SIGTERM);
    printf("ignored SIGTERM to self: %d, still alive\n", r);
    return 0;
}
