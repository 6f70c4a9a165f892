/* The lecture's naive circular buffer in MAP_SHARED memory, one producer
   and one consumer: correct under sequential consistency, because only
   the producer writes `in` and only the consumer writes `out`.
   schedule-independent: the consumer always receives 1..5 in order. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BUFFER_SIZE 4
#define ITEMS 5

struct shared {
    int buffer[BUFFER_SIZE];
    int in;
    int out;
};

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    if (fork() == 0) { /* producer */
        for (int item = 1; item <= ITEMS; item++) {
            while (((s->in + 1) % BUFFER_SIZE) == s->out)
                ; /* do nothing ... buffer is full */
            s->buffer[s->in] = item;
            s->in = (s->in + 1) % BUFFER_SIZE;
        }
        exit(0);
    }
    for (int k = 0; k < ITEMS; k++) { /* consumer */
        while (s->in == s->out)
            ; /* do nothing ... buffer is empty */
        int item = s->buffer[s->out];
        s->out = (s->out + 1) % BUFFER_SIZE;
        printf("consumed %d\n", item);
    }
    wait(NULL);
    return 0;
}
