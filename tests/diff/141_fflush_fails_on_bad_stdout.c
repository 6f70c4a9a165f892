/* fflush reports a failed write: EOF with EBADF when descriptor 1 is closed, and EOF with EPIPE into a pipe whose reader left (SIGPIPE ignored); the failed buffer is discarded, later output goes through. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd); /* before closing 1, so the pipe does not take descriptor 1 */
    int saved = dup(STDOUT_FILENO);
    close(STDOUT_FILENO);
    printf("this line is lost\n");
    errno = 0;
    int r = fflush(stdout);
    int e = errno;
    fprintf(stderr, "fflush with fd 1 closed -> %d (%s)\n", r, strerror(e));
    if (r == EOF)
        perror("fflush");

    dup2(fd[1], STDOUT_FILENO);
    close(fd[1]);
    printf("this line goes into the pipe\n");
    r = fflush(stdout);
    fprintf(stderr, "fflush into the pipe -> %d\n", r);
    char buf[64] = {0};
    ssize_t n = read(fd[0], buf, sizeof buf - 1);
    fprintf(stderr, "pipe held %zd bytes: %s", n, buf);

    signal(SIGPIPE, SIG_IGN);
    close(fd[0]); /* no reader left */
    printf("nobody reads this\n");
    errno = 0;
    r = fflush(stdout);
    e = errno;
    fprintf(stderr, "fflush with no reader -> %d (%s)\n", r, strerror(e));

    dup2(saved, STDOUT_FILENO);
    close(saved);
    printf("stdout restored\n");
    r = fflush(stdout);
    fprintf(stderr, "fflush after restoring -> %d\n", r);
    return 0;
}
