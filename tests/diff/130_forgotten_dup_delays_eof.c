/* Pipe EOF needs every write end closed: a reader that dup'ed the write end and closed only the original sees EAGAIN (non-blocking), not EOF, until it also closes the dup. */
#include <errno.h>
#include <fcntl.h>
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
        int extra = dup(fd[1]);
        close(fd[1]);
        char buf[64];
        size_t got = 0;
        while (got < 11) {
            ssize_t n = read(fd[0], buf + got, sizeof buf - got);
            if (n <= 0)
                break;
            got += n;
        }
        buf[got] = 0;
        printf("child got \"%s\"\n", buf);
        int fl = fcntl(fd[0], F_GETFL);
        fcntl(fd[0], F_SETFL, fl | O_NONBLOCK);
        errno = 0;
        ssize_t n = read(fd[0], buf, sizeof buf);
        printf("with its dup still open: read -> %zd (%s)\n", n, errno == EAGAIN ? "EAGAIN" : strerror(errno));
        fcntl(fd[0], F_SETFL, fl);
        close(extra);
        n = read(fd[0], buf, sizeof buf); /* blocks until the parent closes too */
        printf("after closing the dup: read -> %zd\n", n);
        fflush(stdout);
        exit(0);
    }
    close(fd[0]);
    write(fd[1], "hello world", 11);
    close(fd[1]);
    int st;
    waitpid(c, &st, 0);
    printf("parent: child exited %d\n", WEXITSTATUS(st));
    return 0;
}
