/* pins pointers to pointers: modification through **, arrays of pointers, triple indirection */
#include <stdio.h>
#include <stdlib.h>

static void set_to_max(int **pp, int *arr, int n)
{
    *pp = arr;
    for (int i = 1; i < n; i++)
        if (arr[i] > **pp) *pp = &arr[i];
}

static void alloc_str(char **out, int n)
{
    *out = malloc((size_t)n + 1);
    for (int i = 0; i < n; i++) (*out)[i] = (char)('a' + i);
    (*out)[n] = '\0';
}

int main(void)
{
    int x = 1, y = 2;
    int *p = &x;
    int **pp = &p;
    int ***ppp = &pp;
    **pp = 10;
    printf("x=%d\n", x);
    *pp = &y;
    ***ppp = 20;
    printf("y=%d *p=%d\n", y, *p);
    int arr[] = { 3, 9, 4, 9, 1 };
    int *mx = NULL;
    set_to_max(&mx, arr, 5);
    printf("max=%d at %ld\n", *mx, mx - arr);
    char *s = NULL;
    alloc_str(&s, 6);
    printf("s=%s\n", s);
    free(s);
    int a = 1, b = 2, c = 3;
    int *ptrs[3] = { &a, &b, &c };
    int **it = ptrs;
    for (int i = 0; i < 3; i++) **it++ *= 100;
    printf("a=%d b=%d c=%d\n", a, b, c);
    int *tmp = ptrs[0]; ptrs[0] = ptrs[2]; ptrs[2] = tmp;
    printf("swapped: %d %d %d\n", *ptrs[0], *ptrs[1], *ptrs[2]);
    int **grid = malloc(3 * sizeof *grid);
    for (int i = 0; i < 3; i++) {
        grid[i] = malloc(4 * sizeof **grid);
        for (int j = 0; j < 4; j++) grid[i][j] = i * 10 + j;
    }
    printf("grid[2][3]=%d *(*(grid+1)+2)=%d\n", grid[2][3], *(*(grid + 1) + 2));
    for (int i = 0; i < 3; i++) free(grid[i]);
    free(grid);
    return 0;
}
