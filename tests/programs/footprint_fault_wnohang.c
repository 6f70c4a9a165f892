/* A footprint review's reproducer (fault_wnohang): the property test of tests/it/machine.rs
   walks it over many seeds; the pair it exposed must conflict. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int *s = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t c = fork();
    if (c == 0) {
        int v = s[0];          /* a visible load ... */
        int *p = 0;
        *p = v;                /* ... whose continuation faults: the child dies in the load's step */
        _exit(0);
    }
    int st;
    pid_t r = waitpid(c, &st, WNOHANG);
    printf("reaped at once: %d\n", r == c);
    if (r == 0)
        wait(&st);
    return 0;
}
