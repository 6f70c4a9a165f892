#include <stdio.h>
#include <sys/mman.h>

/* Maps and unmaps 1 MiB of shared anonymous memory 3000 times: on Linux
   at most 1 MiB is mapped at a time. */
int main(void) {
    for (int k = 0; k < 3000; k++) {
        char *p = mmap(0, 1 << 20, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            printf("mmap failed at %d\n", k);
            return 1;
        }
        p[0] = 1;
        munmap(p, 1 << 20);
    }
    printf("done\n");
    return 0;
}
