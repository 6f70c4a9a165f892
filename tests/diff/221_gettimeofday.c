/* gettimeofday on the run's clock: a usleep of 0.25 s shows as at least that much, and not seconds more */
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>
int main(void) {
    struct timeval a, b;
    gettimeofday(&a, NULL);
    usleep(250000);
    gettimeofday(&b, NULL);
    long us = (b.tv_sec - a.tv_sec) * 1000000L + (b.tv_usec - a.tv_usec);
    printf("elapsed at least 0.25 s: %d, under 2 s: %d\n", us >= 250000, us < 2000000);
    return 0;
}
