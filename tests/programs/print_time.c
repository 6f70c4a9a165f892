/* Prints the time and a number seeded by it: the simulator's clock starts
   at abi::EPOCH_SECS, and so must the real backend's. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
    time_t t = time(NULL);
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    srand(time(NULL));
    printf("time %ld realtime %ld dice %d\n", (long)t, (long)ts.tv_sec, rand() % 6 + 1);
    clock_gettime(CLOCK_MONOTONIC, &ts);
    printf("monotonic %ld\n", (long)ts.tv_sec);
    return 0;
}
