/* Sixty children of a process holding 32 MiB, all alive at once: natively
   they share the pages until one writes (copy-on-write), and so they
   must in ipcsim. Each child reads its own byte and exits with it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SIZE (32 << 20)
#define CHILDREN 60

int main(void) {
    char *big = malloc(SIZE);
    memset(big, 7, SIZE);
    int fd[2];
    pipe(fd);
    for (int i = 0; i < CHILDREN; i++) {
        if (fork() == 0) {
            char c;
            close(fd[1]);
            read(fd[0], &c, 1); /* blocks until the parent closes: all alive */
            exit(big[i * 4096]);
        }
    }
    close(fd[1]);
    int sum = 0, status;
    while (wait(&status) > 0)
        sum += WEXITSTATUS(status);
    printf("sum %d\n", sum);
    return 0;
}
