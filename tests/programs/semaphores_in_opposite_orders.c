/* Two processes take two process-shared semaphores in opposite orders:
   when each holds one, both wait for ever (the classic deadlock). */
#include <semaphore.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    sem_t *s = mmap(NULL, 2 * sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&s[0], 1, 1);
    sem_init(&s[1], 1, 1);
    if (fork() == 0) {
        sem_wait(&s[1]);
        sem_wait(&s[0]);
        sem_post(&s[0]);
        sem_post(&s[1]);
        exit(0);
    }
    sem_wait(&s[0]);
    sem_wait(&s[1]);
    sem_post(&s[1]);
    sem_post(&s[0]);
    wait(NULL);
    return 0;
}
