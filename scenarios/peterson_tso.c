/* Peterson's algorithm between two processes over shared memory, the
   textbook's version: no fences. Correct under sequential consistency;
   on x86 a process's store to its flag can wait in its store buffer
   while it reads the other's flag, so both enter the critical section
   and an increment is lost. `--memory tso` finds it; `--memory sc`
   does not. peterson_fenced.c is the fix.
   Not schedule-independent: the final count depends on the reordering. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define ITERS 3 /* increments per process, unless given as argv[1] */

struct shared {
    volatile int flag[2];
    volatile int turn;
    int counter;
};

static void lock(struct shared *s, int me) {
    int other = 1 - me;
    s->flag[me] = 1;
    s->turn = other;
    while (s->flag[other] && s->turn == other)
        ;
}

static void unlock(struct shared *s, int me) {
    s->flag[me] = 0;
}

int main(int argc, char **argv) {
    int iters = argc > 1 ? atoi(argv[1]) : ITERS;
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    pid_t child = fork();
    int me = child == 0 ? 1 : 0;
    for (int i = 0; i < iters; i++) {
        lock(s, me);
        s->counter++;
        unlock(s, me);
    }
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    printf("counter %d (expected %d)\n", s->counter, 2 * iters);
    return s->counter == 2 * iters ? 0 : 1;
}
