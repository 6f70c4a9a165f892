/* A program that runs itself again: execl(argv[0], ...) with the name it
   was started by, a bare name that execl (no path search) takes as
   relative to the current directory, where the program is; execv the
   same. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int status_of(pid_t p) {
    int st;
    waitpid(p, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int main(int argc, char *argv[]) {
    if (argc > 1)
        return 7 + (int)strlen(argv[1]);
    pid_t p = fork();
    if (p == 0) {
        execl(argv[0], argv[0], "x", (char *)NULL);
        _exit(1);
    }
    printf("execl itself: %d\n", status_of(p));
    p = fork();
    if (p == 0) {
        char *args[] = {argv[0], "yy", NULL};
        execv(argv[0], args);
        _exit(1);
    }
    printf("execv itself: %d\n", status_of(p));
    return 0;
}
