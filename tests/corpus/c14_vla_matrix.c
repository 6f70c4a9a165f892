/* Variable-length arrays: sizes come from a configuration string parsed
   with sscanf. One-dimensional VLAs (and a VLA of rows of constant width)
   hold a matrix stored row-major; functions take (int n, int a[n])
   parameters to fill, transpose, multiply and print. */
#include <stdio.h>

#define W 4

static void fill(int n, int a[n], int seed)
{
    for (int i = 0; i < n; i++) a[i] = (i + seed) % 7 - 2;
}

static void transpose(int n, int m, const int *a, int *t)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            t[j * n + i] = a[i * m + j];
}

static void multiply(int n, int k, int m, const int *a, const int *b, int *c)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            int s = 0;
            for (int x = 0; x < k; x++) s += a[i * k + x] * b[x * m + j];
            c[i * m + j] = s;
        }
}

static void print(const char *title, int n, int m, const int *a)
{
    printf("%s (%dx%d):\n", title, n, m);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) printf("%4d", a[i * m + j]);
        printf("\n");
    }
}

int main(void)
{
    const char *config = "rows=3 cols=4";
    int n, m;
    if (sscanf(config, "rows=%d cols=%d", &n, &m) != 2) return 1;
    int a[n * m], t[m * n], p[n * n];
    printf("sizeof a = %d bytes\n", (int)sizeof a);
    fill(n * m, a, 1);
    print("A", n, m, a);
    transpose(n, m, a, t);
    print("A^T", m, n, t);
    multiply(n, m, n, a, t, p);
    print("A*A^T", n, n, p);
    int trace = 0;
    for (int i = 0; i < n; i++) trace += p[i * n + i];
    printf("trace %d\n", trace);

    int rows[n][W];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < W; j++) rows[i][j] = a[i * m + j] * (i + 1);
    printf("sizeof rows = %d, sizeof rows[0] = %d, rows[2][3] = %d\n",
           (int)sizeof rows, (int)sizeof rows[0], rows[2][3]);
    for (int size = 1; size <= 4; size++) {
        int v[size * size];
        for (int i = 0; i < size * size; i++) v[i] = i;
        int s = 0;
        for (int i = 0; i < size * size; i++) s += v[i];
        printf("size %d: %d elements, sum %d, sizeof %d\n", size, size * size, s, (int)sizeof v);
    }
    return 0;
}
