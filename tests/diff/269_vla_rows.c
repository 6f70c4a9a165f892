/* two-dimensional variable-length arrays: a local int a[n][m] (sizeof of it and of a row), parameters double a[n][n] of a matrix product, a row passed as int *, and int (*p)[m] over shared memory that children fill row by row */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static void fill(int n, int m, int a[n][m], int base) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            a[i][j] = base + i * 10 + j;
}

static long sum_row(int m, int *row) {
    long s = 0;
    for (int j = 0; j < m; j++)
        s += row[j];
    return s;
}

static void multiply(int n, double a[n][n], double b[n][n], double c[n][n]) {
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            c[i][j] = 0;
            for (int k = 0; k < n; k++)
                c[i][j] += a[i][k] * b[k][j];
        }
}

int main(int argc, char **argv) {
    int n = argc + 2, m = argc + 3; /* 3 and 4, not constants */
    int a[n][m];
    printf("sizeof a %zu, a row %zu\n", sizeof a, sizeof a[0]);
    fill(n, m, a, 100);
    for (int i = 0; i < n; i++)
        printf("row %d sum %ld first %d last %d\n", i, sum_row(m, a[i]), a[i][0], a[i][m - 1]);
    double x[n][n], y[n][n], z[n][n];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            x[i][j] = i + j;
            y[i][j] = i == j ? 2.0 : 0.5;
        }
    multiply(n, x, y, z);
    for (int i = 0; i < n; i++)
        printf("%.2f %.2f %.2f\n", z[i][0], z[i][1], z[i][2]);
    /* children compute rows of a shared matrix */
    int (*shared)[m] = mmap(NULL, sizeof(int) * n * m, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    for (int i = 0; i < n; i++)
        if (fork() == 0) {
            for (int j = 0; j < m; j++)
                shared[i][j] = a[i][j] * 2;
            _exit(0);
        }
    int *flat = (int *)shared;
    while (wait(NULL) > 0) {
    }
    long total = 0;
    for (int k = 0; k < n * m; k++)
        total += flat[k];
    printf("total %ld\n", total);
    return 0;
}
