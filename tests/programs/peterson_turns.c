/* Peterson with a fence, 1,000 lock hand-overs per process: on the real
   kernel each process waits out the other's critical section in turn, so at
   almost any moment both are flagged as spinning. Not a livelock. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define ITERS 1000

struct shared {
    volatile int flag[2];
    volatile int turn;
    int counter;
};

static void lock(struct shared *s, int me) {
    int other = 1 - me;
    s->flag[me] = 1;
    s->turn = other;
    __sync_synchronize();
    while (s->flag[other] && s->turn == other)
        ;
}

static void unlock(struct shared *s, int me) {
    s->flag[me] = 0;
}

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    pid_t child = fork();
    int me = child == 0 ? 1 : 0;
    for (int i = 0; i < ITERS; i++) {
        lock(s, me);
        s->counter++;
        unlock(s, me);
    }
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    printf("counter %d (expected %d)\n", s->counter, 2 * ITERS);
    return s->counter == 2 * ITERS ? 0 : 1;
}
