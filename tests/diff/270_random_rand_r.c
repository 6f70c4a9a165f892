/* random and srandom are rand and srand (glibc: one generator, one state), rand_r is glibc's own three-step LCG on the caller's seed */
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    srandom(42);
    for (int i = 0; i < 3; i++) printf("%ld ", random());
    srand(42);
    for (int i = 0; i < 3; i++) printf("%d ", rand());
    srandom(7); printf("%d %ld ", rand(), random());
    unsigned int s = 1234;
    for (int i = 0; i < 4; i++) printf("%d ", rand_r(&s));
    printf("%u\n", s);
    return 0;
}
