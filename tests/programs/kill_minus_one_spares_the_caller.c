/* kill(-1, sig) signals every process the caller may signal except the caller itself (Linux). */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    pid_t child = fork();
    if (child == 0) {
        for (;;)
            sleep(1);
    }
    kill(-1, SIGTERM);
    int st;
    waitpid(child, &st, 0);
    printf("caller alive; child killed by signal %d\n", WTERMSIG(st));
    return 0;
}
