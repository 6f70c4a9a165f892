/* waitpid with WNOHANG: 0 while children are blocked on a pipe, then a polling loop collects each child's status after the pipe is closed, and a final wait fails with ECHILD. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIDS 3

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t pid[KIDS];
    for (int i = 0; i < KIDS; i++) {
        pid[i] = fork();
        if (pid[i] == 0) {
            close(fd[1]);
            char c;
            ssize_t n = read(fd[0], &c, 1); /* blocks until EOF */
            exit(20 + i + (int)n);
        }
    }
    close(fd[0]);
    int st = -1;
    for (int i = 0; i < KIDS; i++)
        printf("child %d: waitpid WNOHANG -> %d\n", i, waitpid(pid[i], &st, WNOHANG));
    printf("any child: waitpid(-1, WNOHANG) -> %d\n", waitpid(-1, &st, WNOHANG));
    close(fd[1]);
    int codes[KIDS] = {0};
    int left = KIDS;
    while (left > 0) {
        pid_t p = waitpid(-1, &st, WNOHANG);
        if (p < 0) {
            perror("waitpid");
            return 1;
        }
        if (p == 0) {
            usleep(1000);
            continue;
        }
        for (int i = 0; i < KIDS; i++)
            if (pid[i] == p)
                codes[i] = WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st);
        left--;
    }
    for (int i = 0; i < KIDS; i++)
        printf("child %d exited %d\n", i, codes[i]);
    errno = 0;
    pid_t p = wait(&st);
    printf("wait -> %d (%s)\n", p, strerror(errno));
    errno = 0;
    p = waitpid(-1, &st, WNOHANG);
    printf("waitpid WNOHANG -> %d (%s)\n", p, strerror(errno));
    return 0;
}
