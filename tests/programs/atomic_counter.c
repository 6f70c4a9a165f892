/* Two processes increment a shared `atomic_int` twice each with `++`,
   which C makes one atomic read-modify-write: no increment is lost (a
   test makes the counter a plain `int`, which loses one). */
#include <stdatomic.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    atomic_int *n = mmap(NULL, sizeof *n, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t child = fork();
    (*n)++;
    ++*n;
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    printf("%d\n", (int)*n);
    return *n == 4 ? 0 : 1;
}
