/* Submission: the producers take the mutex before waiting for an
   empty slot; with the buffer full a producer sleeps holding the mutex,
   and the consumer can never take an item: deadlock. */
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 2
#define EACH 2

struct buffer {
    sem_t empty, full, mutex;
    int slot[SLOTS];
    int in, out;
};

static void produce(struct buffer *b, int first) {
    for (int i = 0; i < EACH; i++) {
        sem_wait(&b->mutex);
        sem_wait(&b->empty);
        b->slot[b->in] = first + i;
        b->in = (b->in + 1) % SLOTS;
        sem_post(&b->mutex);
        sem_post(&b->full);
    }
}

int main(void) {
    struct buffer *b = mmap(NULL, sizeof *b, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&b->empty, 1, SLOTS);
    sem_init(&b->full, 1, 0);
    sem_init(&b->mutex, 1, 1);
    b->in = b->out = 0;
    for (int p = 0; p < 2; p++) {
        if (fork() == 0) {
            produce(b, 10 * (p + 1));
            printf("producer %d done\n", p + 1);
            return 0;
        }
    }
    for (int i = 0; i < 2 * EACH; i++) {
        sem_wait(&b->full);
        sem_wait(&b->mutex);
        int item = b->slot[b->out];
        b->out = (b->out + 1) % SLOTS;
        sem_post(&b->mutex);
        sem_post(&b->empty);
        printf("consumed %d\n", item);
    }
    while (wait(NULL) > 0)
        ;
    sem_destroy(&b->empty);
    sem_destroy(&b->full);
    sem_destroy(&b->mutex);
    munmap(b, sizeof *b);
    return 0;
}
