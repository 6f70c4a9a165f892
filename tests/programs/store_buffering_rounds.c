/* The SB litmus test, run for many rounds between two processes (argv[1],
   default 50): in each round one stores x and loads y, the other stores
   y and loads x. Both loading 0 in the same round needs a store
   overtaken by a load: possible under x86-TSO, never under sequential
   consistency. Prints only whether that was seen, so every count of
   rounds has the same two outcomes. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    volatile int x, y, r0, r1;
    volatile int go, done0, done1;
};

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 50;
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) {
        perror("mmap");
        return 2;
    }
    pid_t child = fork();
    int seen = 0;
    for (int i = 1; i <= rounds; i++) {
        if (child != 0) {
            while (s->done1 != i - 1)
                ;
            s->x = 0;
            s->y = 0;
            s->go = i;
            s->x = 1;
            s->r0 = s->y;
            s->done0 = i;
            while (s->done1 != i)
                ;
            if (s->r0 == 0 && s->r1 == 0)
                seen = 1;
        } else {
            while (s->go != i)
                ;
            s->y = 1;
            s->r1 = s->x;
            s->done1 = i;
        }
    }
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    printf(seen ? "a store was overtaken by a load\n" : "every load saw the stores before it\n");
    return 0;
}
