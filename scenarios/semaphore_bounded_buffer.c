/* The lecture's bounded buffer done right: two producers and a consumer
   share a circular buffer in shared memory, guarded by three process-
   shared semaphores: `empty` counts free slots, `full` counts items, and
   `mutex` makes the update of `in` one step for the two producers. No
   interleaving loses an item (compare bounded_buffer_two_producers.c).
   schedule-independent: the consumer always gets all six items. */
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 4
#define ITEMS 3

struct shared {
    int buffer[N];
    int in, out;
    sem_t empty, full, mutex;
};

static void produce(struct shared *s, int first) {
    for (int k = 0; k < ITEMS; k++) {
        sem_wait(&s->empty);
        sem_wait(&s->mutex);
        s->buffer[s->in] = first + k;
        s->in = (s->in + 1) % N;
        sem_post(&s->mutex);
        sem_post(&s->full);
    }
}

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&s->empty, 1, N);
    sem_init(&s->full, 1, 0);
    sem_init(&s->mutex, 1, 1);
    for (int p = 0; p < 2; p++) {
        if (fork() == 0) {
            produce(s, 1 + 10 * p);
            exit(0);
        }
    }
    int sum = 0;
    for (int k = 0; k < 2 * ITEMS; k++) {
        sem_wait(&s->full);
        sum += s->buffer[s->out];
        s->out = (s->out + 1) % N;
        sem_post(&s->empty);
    }
    wait(NULL);
    wait(NULL);
    printf("consumer received all %d items (sum %d)\n", 2 * ITEMS, sum);
    return sum == 1 + 2 + 3 + 11 + 12 + 13 ? 0 : 1;
}
