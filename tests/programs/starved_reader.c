#include <assert.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
/* The parent checks the child's progress once: it fails only if the
   child has done all twelve steps before the parent looks, an ordering
   random scheduling almost never picks (2^-12) and PCT, which lets the
   process of highest priority run alone, picks half the time. */
int main(void) {
    int *done = mmap(NULL, sizeof *done, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (fork() == 0) {
        for (int i = 0; i < 12; i++)
            (*done)++;
        _exit(0);
    }
    int seen = *done;
    wait(NULL);
    assert(seen < 12);
    return 0;
}
