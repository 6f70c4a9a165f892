/* A child that spins forever in a private loop (no system call) is ended by its parent's kill(SIGTERM), then SIGKILL for a second one; wait reports the signals. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t spinner(void) {
    pid_t c = fork();
    if (c == 0) {
        volatile unsigned long n = 0;
        for (;;)
            n++;
    }
    return c;
}

int main(void) {
    int sigs[2] = {SIGTERM, SIGKILL};
    for (int i = 0; i < 2; i++) {
        pid_t c = spinner();
        printf("kill -> %d\n", kill(c, sigs[i]));
        int st;
        waitpid(c, &st, 0);
        printf("spinner: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
    }
    return 0;
}
