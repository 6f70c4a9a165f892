/* A parent reaps its children from a SIGCHLD handler, as shells do. The
   handler collects every child that has ended (waitpid with WNOHANG in a
   loop: several exits may arrive as one signal), and main waits with
   sigsuspend while SIGCHLD is blocked, so a child that ends between the
   check and the wait is never missed (compare pause_lost_wakeup.c).
   schedule-independent: the parent always reaps all three, and sums
   their exit codes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILDREN 3

static volatile sig_atomic_t reaped;
static volatile sig_atomic_t sum;

static void on_child(int sig)
{
    int status;
    (void)sig;
    while (waitpid(-1, &status, WNOHANG) > 0) {
        reaped++;
        if (WIFEXITED(status))
            sum += WEXITSTATUS(status);
    }
}

int main(void)
{
    struct sigaction sa;
    sa.sa_handler = on_child;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);
    for (int i = 1; i <= CHILDREN; i++) {
        pid_t p = fork();
        if (p < 0) {
            perror("fork");
            return 1;
        }
        if (p == 0)
            _exit(i * 10);
    }
    while (reaped < CHILDREN)
        sigsuspend(&old);
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("reaped %d children, exit codes sum to %d\n", (int)reaped, (int)sum);
    return 0;
}
