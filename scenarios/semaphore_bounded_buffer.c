/* The lecture's bounded buffer done right: two producers and two
   consumers share a circular buffer in shared memory, guarded by three
   process-shared semaphores: `empty` counts free slots, `full` counts
   items, and `mutex` makes each update of `in` or `out` one step. No
   interleaving loses or duplicates an item (compare
   bounded_buffer_two_producers.c).
   schedule-independent: the consumers always get all six items. */
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
    int taken_sum;
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
    /* Two consumers (the parent and one more child), three items each. */
    pid_t consumer = fork();
    int sum = 0;
    for (int k = 0; k < ITEMS; k++) {
        sem_wait(&s->full);
        sem_wait(&s->mutex);
        sum += s->buffer[s->out];
        s->out = (s->out + 1) % N;
        sem_post(&s->mutex);
        sem_post(&s->empty);
    }
    sem_wait(&s->mutex);
    s->taken_sum += sum;
    sem_post(&s->mutex);
    if (consumer == 0)
        exit(0);
    while (wait(NULL) > 0) {
    }
    printf("the consumers received all %d items (sum %d)\n", 2 * ITEMS, s->taken_sum);
    return s->taken_sum == 1 + 2 + 3 + 11 + 12 + 13 ? 0 : 1;
}
