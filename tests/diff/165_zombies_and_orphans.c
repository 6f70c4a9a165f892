/* Pins linux-ipc-semantics.md section 6 (processes): a child that exited
   stays a zombie until waited for: waitpid returns its pid and status 7,
   a second waitpid is ECHILD; with SIGCHLD ignored children are reaped
   at once (waitpid ECHILD); an orphan is reparented to pid 1. */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int st = 0;
    int p[2];
    pipe(p);
    pid_t kid = fork();
    if (kid == 0)
        exit(7);
    pid_t r = waitpid(kid, &st, 0);
    printf("waitpid returns the child's pid: %d, status %d\n", r == kid, WEXITSTATUS(st));
    r = waitpid(kid, &st, 0);
    printf("again: %d %s\n", (int)r, r < 0 && errno == ECHILD ? "ECHILD" : "?");
    fflush(stdout);
    /* An orphan: the middle process exits, the grandchild reports its
       new parent through the pipe. */
    pid_t mid = fork();
    if (mid == 0) {
        pid_t me = getpid();
        if (fork() == 0) {
            while (getppid() == me)
                sched_yield();
            int pp = getppid();
            write(p[1], &pp, sizeof pp);
            _exit(0);
        }
        _exit(0);
    }
    close(p[1]);
    waitpid(mid, &st, 0);
    int pp = 0;
    read(p[0], &pp, sizeof pp);
    printf("the orphan's new parent: %d\n", pp);
    signal(SIGCHLD, SIG_IGN);
    fflush(stdout);
    kid = fork();
    if (kid == 0)
        exit(3);
    r = waitpid(kid, &st, 0);
    printf("SIGCHLD ignored: waitpid %d %s\n", (int)r, r < 0 && errno == ECHILD ? "ECHILD" : "?");
    return 0;
}
