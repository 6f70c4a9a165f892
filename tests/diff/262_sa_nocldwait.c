/* children of a parent that ignores SIGCHLD, or sets SA_NOCLDWAIT on it, leave no zombie: wait waits for them all, then fails with ECHILD */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    signal(SIGCHLD, SIG_IGN);
    for (int k = 0; k < 3; k++)
        if (fork() == 0) { usleep(1000 * (k + 1)); _exit(k); }
    int st;
    pid_t r = wait(&st);
    printf("wait %d errno %s\n", (int)r, errno == ECHILD ? "ECHILD" : "?");
    struct sigaction sa = {0};
    sa.sa_handler = SIG_DFL;
    sa.sa_flags = SA_NOCLDWAIT;
    sigaction(SIGCHLD, &sa, NULL);
    if (fork() == 0) _exit(7);
    r = wait(&st);
    printf("nocldwait wait %d errno %s\n", (int)r, errno == ECHILD ? "ECHILD" : "?");
    return 0;
}
