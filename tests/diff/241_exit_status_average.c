/* children exit with statuses computed from doubles (truncated, rounded, scaled); the parent collects them with waitpid in fork order and prints the average and spread as doubles */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <math.h>
#include <sys/wait.h>

#define KIDS 6

int main(void) {
    static const double score[KIDS] = { 17.9, 42.5, 99.99, 0.49, 255.0, 63.5 };
    pid_t pids[KIDS];
    for (int k = 0; k < KIDS; k++) {
        pids[k] = fork();
        if (pids[k] < 0) { perror("fork"); return 1; }
        if (pids[k] == 0) {
            double s = score[k];
            switch (k % 3) {
            case 0: exit((int)s);            /* truncation */
            case 1: exit((int)lround(s));    /* round half away from zero */
            default: exit((int)(s * 2) % 256); /* scaled, wraps */
            }
        }
    }
    int statuses[KIDS];
    double sum = 0;
    for (int k = 0; k < KIDS; k++) {
        int st;
        if (waitpid(pids[k], &st, 0) != pids[k] || !WIFEXITED(st)) { printf("child %d: no exit\n", k); return 1; }
        statuses[k] = WEXITSTATUS(st);
        sum += statuses[k];
        printf("child %d: score %.2f -> exit %d\n", k, score[k], statuses[k]);
    }
    double avg = sum / KIDS;
    double var = 0;
    for (int k = 0; k < KIDS; k++) var += (statuses[k] - avg) * (statuses[k] - avg);
    var /= KIDS;
    printf("average exit status %.6f (as int %d, rounded %.0f)\n", avg, (int)avg, avg);
    printf("variance %.6f stddev %.6f\n", var, sqrt(var));
    int nonzero = 0;
    for (int k = 0; k < KIDS; k++) nonzero += statuses[k] != 0;
    printf("share of nonzero statuses: %.3f\n", (double)nonzero / KIDS);
    return (int)avg % 2; /* the program's own status from a double */
}
