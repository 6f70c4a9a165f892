/* A MAP_SHARED|MAP_ANONYMOUS array filled by five children in disjoint slots; the parent sums it only after waiting for all of them; a global written by the children stays unchanged in the parent. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define KIDS 5
#define PER 8

static long private_total = -1;

int main(void) {
    long *a = mmap(NULL, KIDS * PER * sizeof(long), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (a == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            long s = 0;
            for (int j = 0; j < PER; j++) {
                long v = (long)(k * PER + j) * (k * PER + j) + 1;
                a[k * PER + j] = v;
                s += v;
            }
            private_total = s;
            exit(k);
        }
    }
    int seen = 0;
    for (int k = 0; k < KIDS; k++) {
        int st;
        if (wait(&st) > 0 && WIFEXITED(st))
            seen |= 1 << WEXITSTATUS(st);
    }
    long total = 0;
    for (int i = 0; i < KIDS * PER; i++) {
        total += a[i];
        printf("%5ld%s", a[i], i % PER == PER - 1 ? "\n" : "");
    }
    printf("children seen mask %#x, total %ld, private_total %ld\n", seen, total, private_total);
    printf("munmap -> %d\n", munmap(a, KIDS * PER * sizeof(long)));
    return 0;
}
