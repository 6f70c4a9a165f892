/* Writing to a pipe with no reader kills the writer with SIGPIPE; with SIGPIPE ignored, write fails with EPIPE. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2], status;
    pipe(fd);
    close(fd[0]);
    if (fork() == 0) {
        write(fd[1], "x", 1);
        _exit(0);
    }
    wait(&status);
    printf("child: signaled=%d sig=%d\n", WIFSIGNALED(status), WTERMSIG(status));
    signal(SIGPIPE, SIG_IGN);
    ssize_t n = write(fd[1], "x", 1);
    printf("ignored: write -> %zd (%s)\n", n, strerror(errno));
    printf("write of 0 bytes -> %zd\n", write(fd[1], "", 0));
    return 0;
}
