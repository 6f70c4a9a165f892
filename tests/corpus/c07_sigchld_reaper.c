/* SIGCHLD handler installed with sigaction reaps children with a
   waitpid(-1, WNOHANG) loop and accumulates their exit codes; the parent
   keeps SIGCHLD blocked and waits with sigsuspend until all are reaped
   (no lost wake-up). */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 4

static volatile sig_atomic_t reaped = 0;
static volatile sig_atomic_t code_sum = 0;

static void on_child(int sig)
{
    int status;
    pid_t pid;
    (void)sig;
    while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
        reaped++;
        if (WIFEXITED(status)) code_sum += WEXITSTATUS(status);
    }
}

int main(void)
{
    struct sigaction sa;
    sa.sa_handler = on_child;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    if (sigaction(SIGCHLD, &sa, NULL) < 0) { perror("sigaction"); return 1; }

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);

    for (int i = 0; i < N; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); exit(1); }
        if (pid == 0) {
            int v = 0;
            for (int k = 1; k <= (i + 1) * 5; k++) v += k;
            _exit(v % 100);
        }
    }
    int wakeups = 0;
    while (reaped < N) {
        sigsuspend(&old);
        wakeups++;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("reaped %d children, exit code sum %d\n", (int)reaped, (int)code_sum);
    printf("woke at least once: %s, at most %d times: %s\n",
           wakeups >= 1 ? "yes" : "no", N, wakeups <= N ? "yes" : "no");
    printf("wait now: %d\n", (int)wait(NULL));
    return 0;
}
