/* pins 2D arrays: row-major layout, indexing, row pointers, transposition */
#include <stdio.h>

int main(void)
{
    int m[3][4];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            m[i][j] = i * 4 + j;
    int *flat = &m[0][0];
    printf("flat[7]=%d m[1][3]=%d flat[11]=%d\n", flat[7], m[1][3], flat[11]);
    int t[4][3];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            t[j][i] = m[i][j];
    for (int j = 0; j < 4; j++) {
        for (int i = 0; i < 3; i++) printf("%3d", t[j][i]);
        printf("\n");
    }
    int (*row)[4] = m + 1;
    printf("row[0][2]=%d row[1][0]=%d (*row)[3]=%d\n", row[0][2], row[1][0], (*row)[3]);
    printf("*(*(m+2)+1)=%d\n", *(*(m + 2) + 1));
    char grid[3][5] = { "abcd", "efgh", "ijkl" };
    for (int i = 0; i < 3; i++) printf("%s|", grid[i]);
    printf("\n");
    grid[1][2] = '\0';
    printf("%s %s\n", grid[1], &grid[1][3]);
    int id[4][4] = { 0 };
    for (int i = 0; i < 4; i++) id[i][i] = 1;
    int trace = 0, total = 0;
    for (int i = 0; i < 4; i++) {
        trace += id[i][i];
        for (int j = 0; j < 4; j++) total += id[i][j];
    }
    printf("trace=%d total=%d\n", trace, total);
    int prod[3][3] = { { 0 } };
    int A[3][2] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
    int B[2][3] = { { 7, 8, 9 }, { 10, 11, 12 } };
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 2; k++)
                prod[i][j] += A[i][k] * B[k][j];
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", prod[i][0], prod[i][1], prod[i][2]);
    return 0;
}
