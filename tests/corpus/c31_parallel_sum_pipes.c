/* Parallel sum: an array of 1000 numbers is split across 4 children;
   each sends its partial sum through its own pipe; the parent reads the
   pipes in child order and checks against a sequential sum. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define SIZE 1000
#define NCHILD 4

int main(void)
{
    static int a[SIZE];
    srand(12345);
    for (int i = 0; i < SIZE; i++) a[i] = rand() % 1000;
    int fds[NCHILD][2];
    pid_t pids[NCHILD];
    for (int c = 0; c < NCHILD; c++) {
        pipe(fds[c]);
        pids[c] = fork();
        if (pids[c] == 0) {
            close(fds[c][0]);
            long s = 0;
            int chunk = SIZE / NCHILD;
            for (int i = c * chunk; i < (c + 1) * chunk; i++) s += a[i];
            write(fds[c][1], &s, sizeof s);
            _exit(0);
        }
        close(fds[c][1]);
    }
    long total = 0;
    for (int c = 0; c < NCHILD; c++) {
        long s;
        read(fds[c][0], &s, sizeof s);
        close(fds[c][0]);
        waitpid(pids[c], NULL, 0);
        printf("child %d: partial sum %ld\n", c, s);
        total += s;
    }
    long check = 0;
    for (int i = 0; i < SIZE; i++) check += a[i];
    printf("parallel %ld, sequential %ld, %s\n", total, check, total == check ? "equal" : "DIFFERENT");
    printf("first values %d %d %d\n", a[0], a[1], a[2]);
    return 0;
}
