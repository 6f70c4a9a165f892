/* SA_SIGINFO handler: the child counts SIGUSR1 and SIGUSR2 and checks
   si_signo and that si_pid is its parent. The parent sends one signal at
   a time and waits for an acknowledgement byte on a pipe (standard
   signals do not queue, so without it some would merge). Finally
   SIGUSR2 three times in a row while the child has them blocked shows
   the merge: it is counted once. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t n1 = 0, n2 = 0, bad = 0;
static pid_t parent;

static void handler(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    if (info->si_signo != sig || info->si_pid != parent) bad++;
    if (sig == SIGUSR1) n1++; else n2++;
}

int main(void)
{
    int ack[2], go[2];
    pipe(ack); pipe(go);
    parent = getpid();
    sigset_t usr, old;
    sigemptyset(&usr);
    sigaddset(&usr, SIGUSR1);
    sigaddset(&usr, SIGUSR2);
    sigprocmask(SIG_BLOCK, &usr, &old);
    struct sigaction sa;
    sa.sa_sigaction = handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);

    pid_t pid = fork();
    if (pid == 0) {
        close(ack[0]); close(go[1]);
        for (int i = 0; i < 5; i++) {       /* five signals, one at a time */
            int before = n1 + n2;
            while (n1 + n2 == before) sigsuspend(&old);
            write(ack[1], "k", 1);
        }
        char c;
        read(go[0], &c, 1);                 /* three SIGUSR2 are pending now */
        sigprocmask(SIG_SETMASK, &old, NULL);
        printf("child: usr1=%d usr2=%d bad=%d\n", (int)n1, (int)n2, (int)bad);
        exit(n1 * 10 + n2);
    }
    close(ack[1]); close(go[0]);
    int order[5] = {SIGUSR1, SIGUSR2, SIGUSR1, SIGUSR1, SIGUSR2};
    char c;
    for (int i = 0; i < 5; i++) {
        kill(pid, order[i]);
        read(ack[0], &c, 1);
    }
    for (int i = 0; i < 3; i++) kill(pid, SIGUSR2);
    write(go[1], "g", 1);
    int st;
    waitpid(pid, &st, 0);
    printf("parent: child status %d (usr1*10 + usr2)\n", WEXITSTATUS(st));
    return 0;
}
