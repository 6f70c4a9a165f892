#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    int *s = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int fd[2];
    pipe(fd);
    if (fork() == 0) {
        close(fd[0]);
        *s = 42;
        close(fd[1]);
        for (;;) sleep(1);
    }
    close(fd[1]);
    char c;
    while (read(fd[0], &c, 1) > 0)
        ;
    printf("%d\n", *s);
    kill(0, 9);
    return 0;
}
