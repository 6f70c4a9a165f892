/* The producers update the slot index without the mutex: one item can
   be lost and an empty slot taken, which no FIFO does. */
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ipcsim.h"

#define SLOTS 2

struct buffer {
    sem_t empty, full, mutex;
    int slot[SLOTS];
    int in, out;
};

static void produce(struct buffer *b, int item) {
    ipcsim_op_begin("produce", item);
    sem_wait(&b->empty);
    b->slot[b->in] = item; /* no mutex between the producers */
    b->in = (b->in + 1) % SLOTS;
    sem_post(&b->full);
    ipcsim_op_end(0);
}

static int consume(struct buffer *b) {
    ipcsim_op_begin("consume", 0);
    sem_wait(&b->full);
    sem_wait(&b->mutex);
    int item = b->slot[b->out];
    b->out = (b->out + 1) % SLOTS;
    sem_post(&b->mutex);
    sem_post(&b->empty);
    ipcsim_op_end(item);
    return item;
}

int main(void) {
    struct buffer *b = mmap(NULL, sizeof *b, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&b->empty, 1, SLOTS);
    sem_init(&b->full, 1, 0);
    sem_init(&b->mutex, 1, 1);
    for (int p = 1; p <= 2; p++) {
        if (fork() == 0) {
            produce(b, 10 * p);
            return 0;
        }
    }
    for (int i = 0; i < 2; i++)
        printf("consumed %d\n", consume(b));
    while (wait(NULL) > 0)
        ;
    munmap(b, sizeof *b);
    return 0;
}
