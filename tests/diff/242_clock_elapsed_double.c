/* elapsed times as doubles from clock_gettime (CLOCK_MONOTONIC and CLOCK_REALTIME) around a sleep, a child's work and a loop: only comparisons are printed, never the values */
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/wait.h>

static double now(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double diff(struct timespec a, struct timespec b) {
    return (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) * 1e-9;
}

int main(void) {
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    double m0 = now(CLOCK_MONOTONIC), r0 = now(CLOCK_REALTIME);
    volatile double acc = 0;
    for (int i = 0; i < 100000; i++) acc += i * 0.5;
    double m1 = now(CLOCK_MONOTONIC);
    printf("loop result %.1f, elapsed >= 0: %s\n", acc, m1 - m0 >= 0 ? "yes" : "no");

    usleep(200000);
    double m2 = now(CLOCK_MONOTONIC);
    printf("after usleep(200000): elapsed >= 0.2: %s, < 60: %s\n", m2 - m1 >= 0.2 ? "yes" : "no", m2 - m1 < 60 ? "yes" : "no");

    pid_t pid = fork();
    if (pid == 0) {
        sleep(1);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double d = diff(t0, t1);
    printf("waited for a child sleeping 1 s: elapsed >= 1.2: %s\n", d >= 1.2 ? "yes" : "no");
    double r1 = now(CLOCK_REALTIME);
    printf("realtime moved forward: %s, epoch seconds > 1e9: %s\n", r1 >= r0 ? "yes" : "no", r1 > 1e9 ? "yes" : "no");
    printf("tv_nsec in range: %s\n", t1.tv_nsec >= 0 && t1.tv_nsec < 1000000000L ? "yes" : "no");
    double ms = d * 1000.0;
    printf("milliseconds is 1000 times seconds: %s\n", ms / 1000.0 == d || ms / 1000.0 - d < 1e-12 ? "yes" : "no");
    return 0;
}
