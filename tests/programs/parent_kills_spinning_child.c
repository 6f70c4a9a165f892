/* A parent kills its spinning child: the child's death is the program's own doing, so the run does not fail, in run and in real alike. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        for (;;)
            ;
    }
    kill(child, SIGKILL);
    int st;
    waitpid(child, &st, 0);
    printf("child killed by signal %d\n", WTERMSIG(st));
    return 0;
}
