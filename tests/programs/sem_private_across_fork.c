/* A classic mistake: sem_init(done, 0, 0), pshared 0, on a semaphore in
   shared memory, used between a parent and its child. glibc then waits
   on a process-private futex: if the parent is already asleep in
   sem_wait, the child's sem_post raises the value but wakes nobody, and
   the parent sleeps for ever (measured: linux-ipc-semantics.md, the
   misuse row of semaphores). If the child posts first, the parent finds
   the value at 1 and goes on. argv[1] = "1" initialises it shared. */
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    int pshared = argc > 1 ? atoi(argv[1]) : 0;
    sem_t *done = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(done, pshared, 0);
    pid_t p = fork();
    if (p == 0) {
        printf("child: posting\n");
        fflush(stdout);
        sem_post(done);
        _exit(0);
    }
    sem_wait(done);
    printf("parent: woke up\n");
    waitpid(p, NULL, 0);
    return 0;
}
