/* accepts: int (*p)[3] (pointer to array of 3 int), (*p)[i], p[1][i], p + 1 */
#include <stdio.h>

int main(void)
{
    int m[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    int (*p)[3] = m;
    printf("%d %d %d %zu\n", (*p)[2], p[1][0], (*(p + 1))[2], sizeof *p);
    return 0;
}
