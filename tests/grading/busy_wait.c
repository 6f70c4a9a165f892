/* Submission: no semaphores: the producers and the consumer busy-wait
   on a shared count, updated without mutual exclusion: items are lost
   or read twice, and the processes race on the count. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define SLOTS 2
#define EACH 2

struct buffer {
    int slot[SLOTS];
    int in, out, count;
};

static void produce(struct buffer *b, int first) {
    for (int i = 0; i < EACH; i++) {
        while (b->count == SLOTS)
            ;
        b->slot[b->in] = first + i;
        b->in = (b->in + 1) % SLOTS;
        b->count++;
    }
}

int main(void) {
    struct buffer *b = mmap(NULL, sizeof *b, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    b->in = b->out = b->count = 0;
    for (int p = 0; p < 2; p++) {
        if (fork() == 0) {
            produce(b, 10 * (p + 1));
            printf("producer %d done\n", p + 1);
            return 0;
        }
    }
    for (int i = 0; i < 2 * EACH; i++) {
        while (b->count == 0)
            ;
        int item = b->slot[b->out];
        b->out = (b->out + 1) % SLOTS;
        b->count--;
        printf("consumed %d\n", item);
    }
    while (wait(NULL) > 0)
        ;
    munmap(b, sizeof *b);
    return 0;
}
