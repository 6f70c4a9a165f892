/* sleep, usleep and nanosleep return 0 and take at least their time; a parent's wait for a sleeping child takes at least the child's sleep; only lower bounds are printed, so the real kernel's lateness does not matter. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int main(void) {
    long t0 = now_ms();
    printf("usleep(150000) -> %d\n", usleep(150000));
    long t1 = now_ms();
    printf("at least 150 ms: %d, under 3 s: %d\n", t1 - t0 >= 150, t1 - t0 < 3000);
    struct timespec req = {0, 250000000};
    printf("nanosleep(0.25 s) -> %d\n", nanosleep(&req, NULL));
    long t2 = now_ms();
    printf("at least 250 ms: %d\n", t2 - t1 >= 250);
    printf("sleep(0) -> %u\n", sleep(0));
    time_t w0 = time(NULL);
    pid_t c = fork();
    if (c == 0) {
        unsigned r = sleep(1);
        exit((int)r + 5);
    }
    int st;
    waitpid(c, &st, 0);
    long t3 = now_ms();
    time_t w1 = time(NULL);
    printf("child exit %d, parent waited at least 1 s: %d, time() advanced: %d\n", WEXITSTATUS(st), t3 - t2 >= 1000, w1 - w0 >= 1);
    return 0;
}
