/* Decoding wait statuses: children end by return from a function, by
   exit with various codes, by _exit, by abort(), and by a SIGTERM/SIGKILL
   from the parent; the parent prints WIFEXITED/WEXITSTATUS or
   WIFSIGNALED/WTERMSIG for each, in creation order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 6

static void describe(int i, int st)
{
    if (WIFEXITED(st)) printf("child %d: exited, status %d\n", i, WEXITSTATUS(st));
    else if (WIFSIGNALED(st)) printf("child %d: killed by signal %d (%s)\n", i, WTERMSIG(st),
                                     WTERMSIG(st) == SIGTERM ? "SIGTERM" :
                                     WTERMSIG(st) == SIGKILL ? "SIGKILL" :
                                     WTERMSIG(st) == SIGABRT ? "SIGABRT" : "other");
    else printf("child %d: other\n", i);
}

int main(void)
{
    pid_t pids[N];
    int ready[2];
    pipe(ready);
    for (int i = 0; i < N; i++) {
        pids[i] = fork();
        if (pids[i] == 0) {
            close(ready[0]);
            switch (i) {
            case 0: exit(0);
            case 1: exit(3);
            case 2: exit(300);        /* only the low 8 bits survive */
            case 3: _exit(255);
            case 4: abort();
            default:
                write(ready[1], "r", 1);
                for (;;) pause();    /* waits for the parent's signal */
            }
        }
    }
    close(ready[1]);
    char c;
    read(ready[0], &c, 1);
    kill(pids[5], SIGTERM);
    for (int i = 0; i < N; i++) {
        int st;
        waitpid(pids[i], &st, 0);
        describe(i, st);
    }
    pid_t p = fork();
    if (p == 0) { for (;;) pause(); }
    kill(p, SIGKILL);
    int st;
    waitpid(p, &st, 0);
    describe(N, st);
    return 0;
}
