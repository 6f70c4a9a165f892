/* MAP_SHARED|MAP_ANONYMOUS is shared both ways across fork; MAP_PRIVATE|MAP_ANONYMOUS is copy-on-write; globals are private to each process. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int global = 1;

int main(void) {
    int *sh = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int *pr = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    *sh = 1;
    *pr = 1;
    int fd[2];
    pipe(fd);
    if (fork() == 0) {
        char c;
        read(fd[0], &c, 1); /* wait for the parent's writes */
        printf("child sees shared=%d private=%d global=%d\n", *sh, *pr, global);
        *sh = 42;
        *pr = 42;
        global = 42;
        _exit(0);
    }
    *sh = 2;
    *pr = 2;
    global = 2;
    write(fd[1], "go", 1);
    wait(NULL);
    printf("parent sees shared=%d private=%d global=%d\n", *sh, *pr, global);
    return 0;
}
