/* The lecture's circular buffer (BUFFER_SIZE 5, so at most 4 items), one
   process playing producer and consumer in turn: the "full" and "empty"
   tests of the slides, without any concurrency yet.
   schedule-independent: one process, so every run prints the same. */
#include <stdio.h>

#define BUFFER_SIZE 5

typedef struct {
    int value;
} item;

static item buffer[BUFFER_SIZE];
static int in = 0;
static int out = 0;

static int produce(int v) {
    if (((in + 1) % BUFFER_SIZE) == out)
        return 0; /* buffer is full */
    buffer[in].value = v;
    in = (in + 1) % BUFFER_SIZE;
    return 1;
}

static int consume(int *v) {
    if (in == out)
        return 0; /* buffer is empty */
    *v = buffer[out].value;
    out = (out + 1) % BUFFER_SIZE;
    return 1;
}

int main(void) {
    int next = 1, v;
    for (int round = 0; round < 3; round++) {
        while (produce(next))
            printf("produced %d (in=%d out=%d)\n", next++, in, out);
        printf("full after %d items\n", next - 1);
        for (int k = 0; k < 2 + round && consume(&v); k++)
            printf("consumed %d (in=%d out=%d)\n", v, in, out);
    }
    while (consume(&v))
        printf("consumed %d\n", v);
    printf("empty: in=%d out=%d\n", in, out);
    return 0;
}
