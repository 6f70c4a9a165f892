/* Parallel sum and min/max with results in an anonymous shared mapping:
   children write their own slots; the parent waits for all of them with
   wait() and combines. The data is generated with a linear congruential
   generator. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define SIZE 600
#define NCHILD 3

struct slot { long sum; int min, max; };

int main(void)
{
    int data[SIZE];
    unsigned x = 7;
    for (int i = 0; i < SIZE; i++) { x = x * 1103515245u + 12345u; data[i] = (x >> 16) % 10000; }
    struct slot *res = mmap(NULL, NCHILD * sizeof *res, PROT_READ | PROT_WRITE,
                            MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (res == MAP_FAILED) { perror("mmap"); return 1; }
    for (int c = 0; c < NCHILD; c++) {
        if (fork() == 0) {
            struct slot s = {0, 1 << 30, -1};
            for (int i = c; i < SIZE; i += NCHILD) {   /* interleaved split */
                s.sum += data[i];
                if (data[i] < s.min) s.min = data[i];
                if (data[i] > s.max) s.max = data[i];
            }
            res[c] = s;
            _exit(0);
        }
    }
    int reaped = 0;
    while (wait(NULL) > 0) reaped++;
    struct slot all = {0, 1 << 30, -1};
    for (int c = 0; c < NCHILD; c++) {
        printf("child %d: sum %ld min %d max %d\n", c, res[c].sum, res[c].min, res[c].max);
        all.sum += res[c].sum;
        if (res[c].min < all.min) all.min = res[c].min;
        if (res[c].max > all.max) all.max = res[c].max;
    }
    printf("reaped %d: sum %ld min %d max %d mean %ld\n", reaped, all.sum, all.min, all.max, all.sum / SIZE);
    munmap(res, NCHILD * sizeof *res);
    return 0;
}
