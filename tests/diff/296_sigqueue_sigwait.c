/* sigqueue's value reaches an SA_SIGINFO handler and sigwaitinfo;
   sigtimedwait polls (zero timeout) and times out with EAGAIN; sigwait
   takes a signal sent with kill. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t seen_value, seen_code_queue, seen_from_parent;

static void on_usr1(int sig, siginfo_t *si, void *ctx) {
    (void)sig; (void)ctx;
    seen_value = si->si_value.sival_int;
    seen_code_queue = si->si_code == SI_QUEUE;
    seen_from_parent = si->si_pid == getppid();
}

int main(void) {
    sigset_t set, none;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR2);
    sigaddset(&set, SIGTERM);
    sigprocmask(SIG_BLOCK, &set, NULL);

    struct timespec zero = {0, 0}, short_wait = {0, 50000000};
    siginfo_t info;
    errno = 0;
    int r = sigtimedwait(&set, &info, &zero);
    printf("poll: %d %s\n", r, r < 0 ? strerror(errno) : "");
    r = sigtimedwait(&set, &info, &short_wait);
    printf("timed out: %d %s\n", r, r < 0 ? strerror(errno) : "");

    pid_t c = fork();
    if (c == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_usr1;
        sa.sa_flags = SA_SIGINFO;
        sigaction(SIGUSR1, &sa, NULL);
        sigemptyset(&none);
        union sigval v = {.sival_int = 77};
        sigqueue(getppid(), SIGUSR2, v);
        while (!seen_value)
            sigsuspend(&none);
        printf("child handler: value %d, SI_QUEUE %d, from parent %d\n", (int)seen_value, (int)seen_code_queue, (int)seen_from_parent);
        fflush(stdout);
        _exit(0);
    }
    r = sigwaitinfo(&set, &info);
    printf("parent got %s value %d code SI_QUEUE %d from child %d\n", r == SIGUSR2 ? "SIGUSR2" : "?", info.si_value.sival_int,
           info.si_code == SI_QUEUE, info.si_pid == c);
    fflush(stdout);
    union sigval back = {.sival_int = 99};
    sigqueue(c, SIGUSR1, back);
    waitpid(c, NULL, 0);

    kill(getpid(), SIGTERM);
    int sig = 0;
    r = sigwait(&set, &sig);
    printf("sigwait %d %s\n", r, sig == SIGTERM ? "SIGTERM" : "?");
    return 0;
}
