/* accepts: int *a[3] (array of 3 pointers to int), indexing and dereferencing its elements */
#include <stdio.h>

int main(void)
{
    int x = 1, y = 2, z = 3;
    int *a[3] = { &x, &y, &z };
    *a[1] = 20;
    printf("%d %d %d %zu\n", *a[0], y, *a[2], sizeof a);
    return 0;
}
