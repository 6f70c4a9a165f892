/* `yes | head -n 1` made with fork, dup2 and exec: a correct pipeline.
   `yes` ends of SIGPIPE once `head` is done, as natively; a built-in
   utility ending so is no failure (a shell reports nothing either). */
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    int fd[2]; pipe(fd);
    pid_t a = fork();
    if (a == 0) { dup2(fd[1], 1); close(fd[0]); close(fd[1]); execlp("yes", "yes", "ok", (char *)NULL); _exit(127); }
    pid_t b = fork();
    if (b == 0) { dup2(fd[0], 0); close(fd[0]); close(fd[1]); execlp("head", "head", "-n", "1", (char *)NULL); _exit(127); }
    close(fd[0]); close(fd[1]);
    int sa; waitpid(b, NULL, 0); waitpid(a, &sa, 0);
    printf("yes: signal %d\n", WTERMSIG(sa));
    return 0;
}
