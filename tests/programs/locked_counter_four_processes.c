#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
/* Four processes adding to a counter under a semaphore, many times:
   correct, with a large state space. */
struct shared { sem_t lock; int counter; };
int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&s->lock, 1, 1);
    for (int p = 0; p < 4; p++) {
        if (fork() == 0) {
            for (int i = 0; i < 20; i++) {
                sem_wait(&s->lock);
                s->counter++;
                sem_post(&s->lock);
            }
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    printf("%d\n", s->counter);
    return s->counter == 80 ? 0 : 1;
}
