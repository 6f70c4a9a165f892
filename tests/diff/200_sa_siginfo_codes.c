/* SA_SIGINFO handlers and the siginfo they get: si_signo; si_code SI_TKILL (-6) for raise,
   SI_USER (0) for kill with si_pid the sender, SI_KERNEL (128) for an
   alarm; for SIGCHLD CLD_EXITED (1) with si_status the exit code and CLD_KILLED (2) with
   si_status the signal. The handler only records; main waits with sigsuspend and prints. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t seen_usr, seen_chld, seen_alrm, ctx_ok;
static siginfo_t usr, chld, alrm;
static void on_info(int sig, siginfo_t *si, void *ctx) {
    ctx_ok = ctx != NULL && si->si_signo == sig;
    if (sig == SIGUSR1) { usr = *si; seen_usr++; }
    if (sig == SIGCHLD) { chld = *si; seen_chld++; }
    if (sig == SIGALRM) { alrm = *si; seen_alrm++; }
}
static void show(const char *what, const siginfo_t *si, pid_t from) {
    printf("%-14s signo %2d code %3d from-expected %d ctx %d\n", what, si->si_signo, si->si_code,
           si->si_pid == from, (int)ctx_ok);
}

int main(void) {
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_info;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGCHLD, &sa, NULL);
    sigaction(SIGALRM, &sa, NULL);
    sigaction(SIGUSR1, NULL, &old);
    printf("SA_SIGINFO kept: %d, same function: %d\n", (old.sa_flags & SA_SIGINFO) != 0, old.sa_sigaction == on_info);

    raise(SIGUSR1);
    show("raise", &usr, getpid());
    kill(getpid(), SIGUSR1);
    show("kill self", &usr, getpid());

    sigset_t block, wait_mask;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &wait_mask);
    seen_usr = seen_chld = 0;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        _exit(5);
    }
    while (!seen_usr || !seen_chld)
        sigsuspend(&wait_mask);
    show("kill by child", &usr, pid);
    show("child exits 5", &chld, pid);
    printf("%14s status %d (CLD_EXITED is %d)\n", "", chld.si_status, CLD_EXITED);
    waitpid(pid, NULL, 0);

    seen_chld = 0;
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        raise(SIGTERM);
        _exit(1);
    }
    while (!seen_chld)
        sigsuspend(&wait_mask);
    show("child killed", &chld, pid);
    printf("%14s status %d (CLD_KILLED is %d)\n", "", chld.si_status, CLD_KILLED);
    waitpid(pid, NULL, 0);

    alarm(1);
    while (!seen_alrm)
        sigsuspend(&wait_mask);
    show("alarm", &alrm, 0);
    printf("SI_USER %d SI_KERNEL %d\n", SI_USER, SI_KERNEL);
    return 0;
}
