/* children fill their own slots of a double array in MAP_SHARED|MAP_ANONYMOUS memory (a numeric integral, each child one strip); the parent waits for all, then sums */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <math.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define KIDS 4
#define STEPS 25000

static double f(double x) { return 4.0 / (1.0 + x * x); } /* integral over [0,1] is pi */

int main(void) {
    struct area { double part[KIDS]; double lo[KIDS]; int done[KIDS]; } *shm;
    shm = mmap(NULL, sizeof *shm, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (shm == MAP_FAILED) { perror("mmap"); return 1; }
    for (int k = 0; k < KIDS; k++) { shm->part[k] = -1.0; shm->done[k] = 0; }
    pid_t pids[KIDS];
    for (int k = 0; k < KIDS; k++) {
        pids[k] = fork();
        if (pids[k] < 0) { perror("fork"); return 1; }
        if (pids[k] == 0) {
            double a = (double)k / KIDS, b = (double)(k + 1) / KIDS, h = (b - a) / STEPS, s = 0;
            for (int i = 0; i < STEPS; i++) s += f(a + (i + 0.5) * h); /* midpoint rule */
            shm->part[k] = s * h;
            shm->lo[k] = a;
            shm->done[k] = 1;
            _exit(0);
        }
    }
    for (int k = 0; k < KIDS; k++) {
        int st;
        waitpid(pids[k], &st, 0);
        if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) printf("child %d failed\n", k);
    }
    double total = 0;
    for (int k = 0; k < KIDS; k++) {
        printf("strip %d from %.2f: done %d part %.17g\n", k, shm->lo[k], shm->done[k], shm->part[k]);
        total += shm->part[k];
    }
    printf("pi ~ %.15f error %.3e\n", total, fabs(total - M_PI));
    printf("%s\n", fabs(total - M_PI) < 1e-9 ? "close enough" : "too far");
    munmap(shm, sizeof *shm);
    return 0;
}
