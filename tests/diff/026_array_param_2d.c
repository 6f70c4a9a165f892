/* pins passing multi-dimensional arrays to functions: int a[][4], int (*a)[4], modification */
#include <stdio.h>

#define ROWS 3
#define COLS 4

static void fill(int a[][COLS], int rows)
{
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < COLS; j++)
            a[i][j] = (i + 1) * (j + 2);
}

static int trace_like(int (*a)[COLS], int rows)
{
    int s = 0;
    for (int i = 0; i < rows; i++) s += a[i][i];
    return s;
}

static void print(const int a[ROWS][COLS])
{
    for (int i = 0; i < ROWS; i++) {
        for (int j = 0; j < COLS; j++) printf("%4d", a[i][j]);
        printf("\n");
    }
}

static int row_sum(const int *row, int n)
{
    int s = 0;
    while (n--) s += *row++;
    return s;
}

int main(void)
{
    int m[ROWS][COLS];
    fill(m, ROWS);
    print((const int (*)[COLS])m);
    printf("trace=%d\n", trace_like(m, ROWS));
    for (int i = 0; i < ROWS; i++) printf("row %d sum=%d\n", i, row_sum(m[i], COLS));
    fill(m + 1, 2);
    printf("m[2][3]=%d\n", m[2][3]);
    char board[3][3] = { { 'x', 'o', 'x' }, { ' ', 'x', 'o' }, { 'o', ' ', 'x' } };
    int diag = board[0][0] == board[1][1] && board[1][1] == board[2][2];
    printf("diag win=%d\n", diag);
    return 0;
}
