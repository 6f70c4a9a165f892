/* Ping-pong between parent and child with SIGUSR1 (parent -> child) and
   SIGUSR2 (child -> parent). Both signals are blocked before fork and each
   side waits with sigsuspend, so no signal is lost; each side prints its
   turn and flushes before passing the ball. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define ROUNDS 5

static volatile sig_atomic_t got = 0;
static void handler(int sig) { (void)sig; got = 1; }

static void wait_for(sigset_t *waitmask)
{
    while (!got)
        sigsuspend(waitmask);
    got = 0;
}

int main(void)
{
    struct sigaction sa;
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);

    sigset_t both, waitmask;
    sigemptyset(&both);
    sigaddset(&both, SIGUSR1);
    sigaddset(&both, SIGUSR2);
    sigprocmask(SIG_BLOCK, &both, &waitmask);
    sigdelset(&waitmask, SIGUSR1);
    sigdelset(&waitmask, SIGUSR2);

    pid_t child = fork();
    if (child < 0) { perror("fork"); return 1; }
    if (child == 0) {
        pid_t parent = getppid();
        for (int i = 1; i <= ROUNDS; i++) {
            wait_for(&waitmask);
            printf("  child: pong %d\n", i);
            fflush(stdout);
            kill(parent, SIGUSR2);
        }
        _exit(0);
    }
    for (int i = 1; i <= ROUNDS; i++) {
        printf("parent: ping %d\n", i);
        fflush(stdout);
        kill(child, SIGUSR1);
        wait_for(&waitmask);
    }
    int status;
    waitpid(child, &status, 0);
    printf("done after %d rounds, child status %d\n", ROUNDS, WEXITSTATUS(status));
    return 0;
}
