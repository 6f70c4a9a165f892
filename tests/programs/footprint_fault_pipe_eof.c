/* A footprint review's reproducer (fault_pipe_eof): the property test of tests/it/machine.rs
   walks it over many seeds; the pair it exposed must conflict. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int *s = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int fd[2];
    pipe(fd);
    if (fork() == 0) {
        close(fd[0]);
        int v = s[0];          /* visible load; then a fault closes fd[1] in the same step */
        int *p = 0;
        *p = v;
        _exit(0);
    }
    close(fd[1]);
    fcntl(fd[0], F_SETFL, O_NONBLOCK);
    char c;
    int n = read(fd[0], &c, 1);  /* -1 EAGAIN while the child lives, 0 once it died */
    printf("read %d\n", n);
    wait(0);
    return 0;
}
