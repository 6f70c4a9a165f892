/* A reader child that exits after one read: the writer's next write raises SIGPIPE (killing a writer child), or with SIGPIPE ignored fails with EPIPE, reported by perror and strerror. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t start_reader(int fd[2]) {
    pipe(fd);
    pid_t r = fork();
    if (r == 0) {
        close(fd[1]);
        char c;
        ssize_t n = read(fd[0], &c, 1);
        exit(n == 1 ? c : 99);
    }
    close(fd[0]);
    return r;
}

int main(void) {
    int fd[2], st;
    /* 1. A writer child without SIGPIPE handling dies. */
    pid_t r = start_reader(fd);
    pid_t w = fork();
    if (w == 0) {
        write(fd[1], "A", 1);
        waitpid(r, NULL, 0); /* not its child: fails at once */
        char c = 'B';
        for (;;)
            write(fd[1], &c, 1);
    }
    close(fd[1]);
    waitpid(r, &st, 0);
    printf("reader exited with '%c'\n", WEXITSTATUS(st));
    waitpid(w, &st, 0);
    printf("writer: exited=%d signaled=%d sig=%d (SIGPIPE=%d)\n", WIFEXITED(st), WIFSIGNALED(st), WTERMSIG(st), SIGPIPE);
    /* 2. The parent ignores SIGPIPE and gets EPIPE. */
    signal(SIGPIPE, SIG_IGN);
    r = start_reader(fd);
    printf("first write -> %zd\n", write(fd[1], "Z", 1));
    waitpid(r, &st, 0);
    printf("reader exited with '%c'\n", WEXITSTATUS(st));
    errno = 0;
    ssize_t n = write(fd[1], "again", 5);
    int e = errno;
    printf("write after reader left -> %zd, errno %s\n", n, e == EPIPE ? "EPIPE" : "other");
    fflush(stdout);
    errno = e;
    perror("write");
    fprintf(stderr, "strerror: %s\n", strerror(e));
    close(fd[1]);
    return 0;
}
