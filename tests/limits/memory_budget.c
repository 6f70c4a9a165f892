/* Three children each ask for 900 MiB: the run's memory budget (2 GiB)
   holds two of them, so exactly one malloc fails with ENOMEM. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    for (int i = 0; i < 3; i++) {
        if (fork() == 0) {
            char c;
            char *p = malloc(900 << 20);
            int failed = p == NULL && errno == ENOMEM;
            close(fd[1]);
            read(fd[0], &c, 1); /* hold the memory until all have tried */
            exit(failed);
        }
    }
    close(fd[1]);
    int failed = 0, status;
    sleep(1);
    while (wait(&status) > 0)
        failed += WEXITSTATUS(status);
    printf("%d of 3 could not allocate\n", failed);
    return 0;
}
