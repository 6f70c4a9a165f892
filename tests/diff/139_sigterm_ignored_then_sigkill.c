/* Signal dispositions in children: SIGTERM ignored (the blocked child survives kill and exits normally later), SIGKILL cannot be ignored, an inherited SIG_IGN for SIGPIPE turns it into EPIPE, and SIG_DFL restores death by SIGPIPE. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t ignoring_child(int data[2]) {
    int ready[2];
    pipe(ready);
    pipe(data);
    pid_t c = fork();
    if (c == 0) {
        close(ready[0]);
        close(data[1]);
        signal(SIGTERM, SIG_IGN);
        write(ready[1], "r", 1);
        char x = 0;
        read(data[0], &x, 1);
        exit(x == 'g' ? 7 : 8);
    }
    close(ready[1]);
    close(data[0]);
    char x;
    read(ready[0], &x, 1);
    close(ready[0]);
    return c;
}

static void report(const char *what, int st) {
    if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
    else
        printf("%s: killed by %d\n", what, WTERMSIG(st));
}

int main(void) {
    int data[2], st;
    pid_t a = ignoring_child(data);
    printf("kill(SIGTERM) -> %d\n", kill(a, SIGTERM));
    printf("still running: waitpid WNOHANG -> %d\n", waitpid(a, &st, WNOHANG));
    write(data[1], "g", 1);
    waitpid(a, &st, 0);
    report("ignoring child", st);
    close(data[1]);

    pid_t b = ignoring_child(data);
    kill(b, SIGKILL);
    waitpid(b, &st, 0);
    report("SIGKILLed child", st);
    close(data[1]);

    int fd[2];
    pipe(fd);
    close(fd[0]);
    printf("signal(SIGPIPE, SIG_IGN) returned SIG_DFL: %d\n", signal(SIGPIPE, SIG_IGN) == SIG_DFL);
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        ssize_t n = write(fd[1], "x", 1);
        exit(n < 0 && errno == EPIPE ? 32 : 1);
    }
    waitpid(c, &st, 0);
    report("child inheriting SIG_IGN", st);
    fflush(stdout);
    pid_t d = fork();
    if (d == 0) {
        printf("signal(SIGPIPE, SIG_DFL) returned SIG_IGN: %d\n", signal(SIGPIPE, SIG_DFL) == SIG_IGN);
        fflush(stdout);
        write(fd[1], "x", 1);
        exit(1);
    }
    waitpid(d, &st, 0);
    report("child with SIG_DFL", st);
    return 0;
}
