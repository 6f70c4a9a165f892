/* Matrix multiplication with one process per block of rows: A and B are
   set up before fork (copied into every child), C lives in System V
   shared memory; each child computes its rows; the parent prints C. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define N 6
#define WORKERS 3

int main(void)
{
    int a[N][N], b[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i + 2 * j) % 5 - 1;
            b[i][j] = (3 * i + j) % 4;
        }
    int id = shmget(IPC_PRIVATE, sizeof(int[N][N]), IPC_CREAT | 0600);
    int (*c)[N] = shmat(id, NULL, 0);
    if (c == (void *)-1) { perror("shmat"); return 1; }

    for (int w = 0; w < WORKERS; w++) {
        if (fork() == 0) {
            int rows = 0;
            for (int i = w * N / WORKERS; i < (w + 1) * N / WORKERS; i++, rows++)
                for (int j = 0; j < N; j++) {
                    int s = 0;
                    for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
                    c[i][j] = s;
                }
            shmdt(c);
            _exit(rows);
        }
    }
    int rows = 0, st;
    while (wait(&st) > 0) rows += WEXITSTATUS(st);
    printf("%d rows computed by %d workers\n", rows, WORKERS);
    int trace = 0;
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++) printf("%4d", c[i][j]);
        printf("\n");
        trace += c[i][i];
    }
    int ok = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            int s = 0;
            for (int k = 0; k < N; k++) s += a[i][k] * b[k][j];
            if (s != c[i][j]) ok = 0;
        }
    printf("trace %d, verified %s\n", trace, ok ? "yes" : "no");
    shmdt(c);
    shmctl(id, IPC_RMID, NULL);
    return 0;
}
