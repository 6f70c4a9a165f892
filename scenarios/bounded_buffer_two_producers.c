/* The lecture's naive circular buffer with TWO producers (items 1,2 and
   3,4) and one consumer. "Do you see any problems here?" Both producers
   read `in`, write the same slot and advance `in`: an item is lost or
   duplicated, and the consumer then asserts, or waits forever for an item
   that never comes (a livelock). `ipcsim explore` finds it.
   Not schedule-independent: the native run is one of the outcomes ipcsim
   finds (usually the correct one; rarely it hangs). */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define BUFFER_SIZE 4

struct shared {
    int buffer[BUFFER_SIZE];
    int in;
    int out;
};

static void produce(struct shared *s, int item) {
    while (((s->in + 1) % BUFFER_SIZE) == s->out)
        ; /* do nothing ... buffer is full */
    s->buffer[s->in] = item;
    s->in = (s->in + 1) % BUFFER_SIZE;
}

static int consume(struct shared *s) {
    while (s->in == s->out)
        ; /* do nothing ... buffer is empty */
    int item = s->buffer[s->out];
    s->out = (s->out + 1) % BUFFER_SIZE;
    return item;
}

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) { produce(s, 1); produce(s, 2); exit(0); }
    if (fork() == 0) { produce(s, 3); produce(s, 4); exit(0); }
    int seen = 0;
    for (int k = 0; k < 4; k++) {
        int item = consume(s);
        assert(!(seen & (1 << item))); /* no item twice */
        seen |= 1 << item;
    }
    printf("consumer received all four items\n");
    wait(NULL);
    wait(NULL);
    return 0;
}
