/* Parent and child take turns over two pipes, each adding to a counter and printing (with fflush) before passing it on; the blocking reads fix the order of every line. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int ping[2], pong[2];
    pipe(ping);
    pipe(pong);
    pid_t c = fork();
    if (c == 0) {
        close(ping[1]);
        close(pong[0]);
        int v, turns = 0;
        while (read(ping[0], &v, sizeof v) == (ssize_t)sizeof v) {
            printf("  child  got %3d, sends %3d\n", v, v * 2);
            fflush(stdout);
            v *= 2;
            write(pong[1], &v, sizeof v);
            turns++;
        }
        printf("  child  saw EOF after %d turns\n", turns);
        exit(turns);
    }
    close(ping[0]);
    close(pong[1]);
    int v = 1;
    for (int i = 0; i < 6; i++) {
        printf("parent sends %3d\n", v);
        fflush(stdout);
        write(ping[1], &v, sizeof v);
        read(pong[0], &v, sizeof v);
        printf("parent got %3d\n", v);
        v += 1;
    }
    fflush(stdout);
    close(ping[1]);
    int st;
    waitpid(c, &st, 0);
    printf("child exited %d, final %d\n", WEXITSTATUS(st), v);
    printf("pong at EOF: %zd\n", read(pong[0], &v, sizeof v));
    return 0;
}
