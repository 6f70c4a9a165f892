/* The child spins on a shared flag. With an argument the parent sets it
   after a short sleep and both end; without, the parent only waits, and
   the run is a livelock: the one process that could set the flag is
   blocked in wait() on the spinner. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    volatile int go;
};

int main(int argc, char **argv) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    s->go = 0;
    if (fork() == 0) {
        while (s->go == 0)
            ;
        printf("child saw go\n");
        return 0;
    }
    if (argc > 1) {
        usleep(20000);
        s->go = 1;
    }
    wait(NULL);
    printf("parent done (%s)\n", argc > 1 ? argv[1] : "no go");
    return 0;
}
