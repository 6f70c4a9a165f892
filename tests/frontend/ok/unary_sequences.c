/* accepts: - -x, !!x, ~-x, +x, *&x, &*p, x---y (x-- - y), x+++y (x++ + y), a-=-1, -(-x) */
#include <stdio.h>

int main(void)
{
    int x = 5, y = 2, a = 0;
    int *p = &x;
    int r1 = - -x, r2 = !!x, r3 = ~-x, r4 = +x, r5 = *&x, r6 = *&*p, r7 = -(-x);
    int r8 = x---y;
    int r9 = x+++y;
    a-=-1;
    printf("%d %d %d %d %d %d %d %d %d %d %d\n", r1, r2, r3, r4, r5, r6, r7, r8, r9, a, x);
    return 0;
}
