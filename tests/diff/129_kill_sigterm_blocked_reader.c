/* kill(child, SIGTERM) of a child blocked in read on a pipe: wait reports it killed by SIGTERM; kill then fails with ESRCH once the child is reaped. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int ready[2], data[2];
    pipe(ready);
    pipe(data);
    pid_t c = fork();
    if (c == 0) {
        close(ready[0]);
        close(data[1]);
        write(ready[1], "r", 1);
        char buf[8];
        ssize_t n = read(data[0], buf, sizeof buf); /* nobody writes */
        printf("child read returned %zd\n", n);
        exit(3);
    }
    close(ready[1]);
    char x;
    printf("ready read -> %zd\n", read(ready[0], &x, 1));
    printf("kill -> %d\n", kill(c, SIGTERM));
    int st;
    pid_t w = wait(&st);
    printf("wait got the child: %d\n", w == c);
    printf("signaled=%d termsig=%d exited=%d\n", WIFSIGNALED(st), WTERMSIG(st), WIFEXITED(st));
    errno = 0;
    int k = kill(c, SIGTERM);
    printf("kill after reaping -> %d (%s)\n", k, strerror(errno));
    printf("ready pipe now at EOF: %zd\n", read(ready[0], &x, 1));
    return 0;
}
