/* One producer, one consumer, three items through a circular buffer in
   shared memory, with the indices published by release stores and read by
   acquire loads. Without them (tests/programs/peers_naive_pc_b.c) the
   buffer is correct under sequential consistency and x86-TSO, but on a
   weakly ordered machine (`--memory arm`) the consumer can see the new
   `in` and still the old slot: a stale read. The release store of `in`
   orders the slot's store before it for whoever acquires `in`.
   schedule-independent: every interleaving, under every memory model,
   prints 1 2 3. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 4

struct shared {
    int buffer[N];
    int in;
    int out;
};

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    if (fork() == 0) {
        for (int item = 1; item <= 3; item++) {
            int in = s->in; /* only the producer writes it */
            while ((in + 1) % N == __atomic_load_n(&s->out, __ATOMIC_ACQUIRE))
                ;
            s->buffer[in] = item;
            __atomic_store_n(&s->in, (in + 1) % N, __ATOMIC_RELEASE);
        }
        _exit(0);
    }
    for (int k = 0; k < 3; k++) {
        int out = s->out; /* only the consumer writes it */
        while (__atomic_load_n(&s->in, __ATOMIC_ACQUIRE) == out)
            ;
        int item = s->buffer[out];
        __atomic_store_n(&s->out, (out + 1) % N, __ATOMIC_RELEASE);
        printf("%d\n", item);
        if (item != k + 1)
            return 1;
    }
    wait(NULL);
    return 0;
}
