/* wait's status word: exit codes reduced mod 256, _exit(300) is 44, exit(-1) is 255; a child killed by SIGKILL or SIGTERM; wait with no children is ECHILD. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int codes[] = {0, 3, 255, 256, -1};
    for (int i = 0; i < 5; i++) {
        pid_t p = fork();
        if (p == 0)
            exit(codes[i]);
        int st;
        waitpid(p, &st, 0);
        printf("exit(%d): raw=%#06x exited=%d status=%d\n", codes[i], st, WIFEXITED(st), WEXITSTATUS(st));
    }
    pid_t p = fork();
    if (p == 0)
        _exit(300);
    int st;
    waitpid(p, &st, 0);
    printf("_exit(300): status=%d\n", WEXITSTATUS(st));
    int sigs[] = {SIGKILL, SIGTERM};
    for (int i = 0; i < 2; i++) {
        int fd[2];
        pipe(fd);
        p = fork();
        if (p == 0) {
            char c;
            read(fd[0], &c, 1); /* blocks: nobody writes */
            _exit(0);
        }
        kill(p, sigs[i]);
        waitpid(p, &st, 0);
        printf("killed: signaled=%d sig=%d raw=%#06x\n", WIFSIGNALED(st), WTERMSIG(st), st);
        close(fd[0]);
        close(fd[1]);
    }
    printf("wait with no children: %d %s\n", wait(&st), errno == ECHILD ? "ECHILD" : "?");
    printf("waitpid WNOHANG on a running child: ");
    int fd[2];
    pipe(fd);
    p = fork();
    if (p == 0) {
        char c;
        read(fd[0], &c, 1);
        _exit(7);
    }
    printf("%d\n", waitpid(p, &st, WNOHANG));
    write(fd[1], "x", 1);
    waitpid(p, &st, 0);
    printf("then %d\n", WEXITSTATUS(st));
    return 0;
}
