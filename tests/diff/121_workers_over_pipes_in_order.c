/* A parent hands each of four workers a range over its own pipe and collects the results from per-worker pipes in worker order, then reaps them in order. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 4

struct job {
    long from, to;
};

int main(void) {
    int to_w[N][2], from_w[N][2];
    pid_t pid[N];
    for (int i = 0; i < N; i++) {
        pipe(to_w[i]);
        pipe(from_w[i]);
        pid[i] = fork();
        if (pid[i] == 0) {
            for (int j = 0; j <= i; j++) {
                close(to_w[j][1]);
                close(from_w[j][0]);
            }
            struct job jb;
            long n = 0;
            while (read(to_w[i][0], &jb, sizeof jb) == (ssize_t)sizeof jb) {
                long sum = 0;
                for (long k = jb.from; k < jb.to; k++)
                    sum += k * k;
                write(from_w[i][1], &sum, sizeof sum);
                n++;
            }
            exit((int)n);
        }
        close(to_w[i][0]);
        close(from_w[i][1]);
    }
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < N; i++) {
            struct job jb = {(round * N + i) * 100, (round * N + i + 1) * 100};
            write(to_w[i][1], &jb, sizeof jb);
        }
    for (int i = 0; i < N; i++)
        close(to_w[i][1]);
    long total = 0;
    for (int i = 0; i < N; i++) {
        long r;
        printf("worker %d:", i);
        while (read(from_w[i][0], &r, sizeof r) == (ssize_t)sizeof r) {
            printf(" %ld", r);
            total += r;
        }
        printf("\n");
        close(from_w[i][0]);
    }
    for (int i = 0; i < N; i++) {
        int st;
        waitpid(pid[i], &st, 0);
        printf("worker %d did %d jobs\n", i, WEXITSTATUS(st));
    }
    long check = 0;
    for (long k = 0; k < 1200; k++)
        check += k * k;
    printf("total %ld, expected %ld\n", total, check);
    return 0;
}
