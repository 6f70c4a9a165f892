/* Monte Carlo estimate of pi: children with fixed srand seeds count hits with rand()/(double)RAND_MAX and send their counts back through their own pipes; the parent reads them in child order */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define KIDS 4
#define TRIES 20000

int main(void) {
    int fds[KIDS][2];
    pid_t pids[KIDS];
    for (int k = 0; k < KIDS; k++) {
        if (pipe(fds[k]) < 0) { perror("pipe"); return 1; }
        pids[k] = fork();
        if (pids[k] < 0) { perror("fork"); return 1; }
        if (pids[k] == 0) {
            close(fds[k][0]);
            srand(1000 + k);
            long hits = 0;
            for (int i = 0; i < TRIES; i++) {
                double x = rand() / (double)RAND_MAX;
                double y = (double)rand() / RAND_MAX;
                if (x * x + y * y <= 1.0) hits++;
            }
            double est = 4.0 * hits / TRIES;
            write(fds[k][1], &hits, sizeof hits);
            write(fds[k][1], &est, sizeof est);
            _exit(0);
        }
        close(fds[k][1]);
    }
    long total = 0;
    for (int k = 0; k < KIDS; k++) {
        long hits; double est;
        if (read(fds[k][0], &hits, sizeof hits) != sizeof hits || read(fds[k][0], &est, sizeof est) != sizeof est) {
            printf("child %d: short read\n", k);
            continue;
        }
        printf("child %d (seed %d): %ld hits of %d, estimate %.6f\n", k, 1000 + k, hits, TRIES, est);
        total += hits;
        close(fds[k][0]);
    }
    for (int k = 0; k < KIDS; k++) waitpid(pids[k], NULL, 0);
    double pi = 4.0 * total / (KIDS * TRIES);
    printf("overall: %ld hits of %d, pi ~ %.6f\n", total, KIDS * TRIES, pi);
    printf("within 0.05 of 3.14159: %s\n", pi > 3.09 && pi < 3.19 ? "yes" : "no");
    srand(1);
    double r1 = rand() / (RAND_MAX + 1.0);
    double r2 = rand() / (RAND_MAX + 1.0);
    double r3 = rand() / (RAND_MAX + 1.0);
    printf("first rand()s of seed 1 scaled: %.9f %.9f %.9f\n", r1, r2, r3);
    return 0;
}
