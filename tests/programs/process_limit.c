/* The process limit counts processes that exist at once: 100 children
   forked and reaped one after another all work; then children kept alive
   (blocked on a pipe) fill the table, and the fork that would make the
   65th process fails with EAGAIN. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int seq = 0;
    for (int i = 0; i < 100; i++) {
        pid_t p = fork();
        if (p == 0)
            return 0;
        if (p > 0 && waitpid(p, 0, 0) == p)
            seq++;
    }
    int fds[2];
    pipe(fds);
    int live = 0, err = 0;
    for (;;) {
        pid_t p = fork();
        if (p == 0) {
            char c;
            close(fds[1]);
            read(fds[0], &c, 1);
            return 0;
        }
        if (p < 0) {
            err = errno;
            break;
        }
        live++;
    }
    close(fds[1]);
    while (wait(0) > 0)
        ;
    printf("sequential %d, concurrent %d, then errno %d\n", seq, live, err);
    return 0;
}
