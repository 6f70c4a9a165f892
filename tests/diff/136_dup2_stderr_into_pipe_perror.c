/* A child dup2s a pipe onto its stderr, so perror and fprintf(stderr) (unbuffered) go into the pipe; the parent reads them until EOF and reports them on its own stdout and stderr. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t c = fork();
    if (c == 0) {
        close(fd[0]);
        dup2(fd[1], STDERR_FILENO);
        close(fd[1]);
        if (close(42) < 0)
            perror("close(42)");
        fprintf(stderr, "child: code %d\n", 17);
        if (wait(NULL) < 0)
            perror("wait");
        errno = 0;
        perror("no error");
        _exit(9); /* stderr is unbuffered: nothing is lost */
    }
    close(fd[1]);
    char buf[512];
    size_t got = 0;
    ssize_t n;
    while ((n = read(fd[0], buf + got, sizeof buf - 1 - got)) > 0)
        got += n;
    buf[got] = 0;
    int st;
    waitpid(c, &st, 0);
    printf("child exited %d; its stderr (%zu bytes):\n%s", WEXITSTATUS(st), got, buf);
    fflush(stdout);
    fprintf(stderr, "parent's own stderr is untouched\n");
    return 0;
}
