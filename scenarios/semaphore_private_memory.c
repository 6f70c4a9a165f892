/* A classic mistake: the semaphore the parent waits on lives in its
   private memory (a global), so `fork` gives the child a copy of its own.
   The child's sem_post raises the child's copy; the parent's stays 0 and
   it waits for ever. ipcsim reports the deadlock and names both copies.
   Not schedule-independent: natively it hangs (the test allows that). */
#include <semaphore.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

sem_t ready; /* private: should be in a MAP_SHARED mapping */

int main(void) {
    sem_init(&ready, 1, 0);
    if (fork() == 0) {
        printf("child: work done, posting\n");
        fflush(stdout);
        sem_post(&ready);
        return 0;
    }
    sem_wait(&ready);
    printf("parent: child is done\n");
    wait(NULL);
    return 0;
}
