/* dup2 a pipe's write end onto stdout: the child's printf goes into the pipe and the parent reads it; printf before fork without fflush is buffered twice. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    printf("before fork (buffered, so printed by both processes)\n");
    int fd[2];
    pipe(fd);
    if (fork() == 0) {
        dup2(fd[1], STDOUT_FILENO);
        close(fd[0]);
        close(fd[1]);
        printf("child says hello through the pipe\n");
        fflush(stdout);
        return 0;
    }
    close(fd[1]);
    char buf[256];
    size_t total = 0;
    ssize_t n;
    while ((n = read(fd[0], buf + total, sizeof buf - 1 - total)) > 0)
        total += n;
    buf[total] = 0;
    wait(NULL);
    printf("parent got %zu bytes: [%s]\n", total, buf);
    return 0;
}
