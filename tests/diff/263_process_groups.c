/* process groups and sessions: the first process leads its group, not its session (setsid: EPERM); a parent moves two children into a group of the first one's (setpgid), EPERM for a group that does not exist or a session leader, ESRCH for no process; kill(-pgid) reaches that group only, ESRCH for an empty one */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t me = getpid();
    printf("leader %d sid-not-mine %d\n", getpgrp() == me, getsid(0) != me);
    int r = setsid();
    printf("setsid as leader %d %s\n", r, errno == EPERM ? "EPERM" : "?");
    r = setpgid(0, 0);
    printf("setpgid self no-op %d\n", r);
    fflush(stdout);
    pid_t kids[3];
    int go[2];
    pipe(go);
    for (int k = 0; k < 3; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            close(go[1]);
            char c;
            read(go[0], &c, 1); /* wait until the parent has arranged the groups */
            if (k == 2) {
                pid_t s = setsid();
                printf("child 2 setsid ok %d\n", s == getpid());
                fflush(stdout);
            }
            pause();
            _exit(0);
        }
    }
    /* children 0 and 1 go to a group led by child 0 */
    printf("setpgid kid0 %d\n", setpgid(kids[0], kids[0]));
    printf("setpgid kid1 %d\n", setpgid(kids[1], kids[0]));
    r = setpgid(kids[1], 424242);
    printf("setpgid to no group %d %s\n", r, errno == EPERM ? "EPERM" : "?");
    r = setpgid(99999, 0);
    printf("setpgid no process %d %s\n", r, errno == ESRCH ? "ESRCH" : "?");
    printf("getpgid kid1 is kid0 %d, mine %d\n", getpgid(kids[1]) == kids[0], getpgid(0) == me);
    close(go[0]);
    close(go[1]);
    sleep(1);
    r = setpgid(kids[2], kids[0]);
    printf("setpgid of a session leader %d %s\n", r, errno == EPERM ? "EPERM" : "?");
    /* kill the group of children 0 and 1; child 2 stays */
    printf("kill group %d\n", kill(-kids[0], SIGTERM));
    r = kill(-424242, SIGTERM);
    printf("kill empty group %d %s\n", r, errno == ESRCH ? "ESRCH" : "?");
    for (int k = 0; k < 2; k++) {
        int st;
        waitpid(kids[k], &st, 0);
        printf("kid %d killed by %d\n", k, WIFSIGNALED(st) ? WTERMSIG(st) : -1);
    }
    int st;
    r = waitpid(kids[2], &st, WNOHANG);
    printf("kid 2 still running %d\n", r == 0);
    kill(kids[2], SIGKILL);
    waitpid(kids[2], &st, 0);
    return 0;
}
