/* The parent sleeps while a child busy-waits (sched_yield in a loop; then non-blocking reads of an empty pipe, counting polls): each sleep still ends, the parent stops the first child with SIGKILL and releases the second by writing to the pipe. */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t c = fork();
    if (c == 0)
        for (;;)
            sched_yield();
    printf("sleep(1) -> %u\n", sleep(1));
    kill(c, SIGKILL);
    int st;
    waitpid(c, &st, 0);
    printf("yielding child: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));

    int fd[2];
    pipe(fd);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        close(fd[1]);
        fcntl(fd[0], F_SETFL, O_NONBLOCK);
        unsigned long polls = 0;
        char x;
        ssize_t n;
        while ((n = read(fd[0], &x, 1)) < 0 && errno == EAGAIN)
            polls++;
        exit(n == 1 && polls > 0 ? x : 1);
    }
    close(fd[0]);
    printf("usleep(200000) -> %d\n", usleep(200000));
    write(fd[1], "\x05", 1);
    waitpid(c, &st, 0);
    printf("polling child exited %d\n", WEXITSTATUS(st));
    return 0;
}
