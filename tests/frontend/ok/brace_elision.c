/* accepts: brace elision in initializers ({1, 2, 3, 4} for int[2][2], struct of arrays); valid C though gcc -Wall warns -Wmissing-braces */
#include <stdio.h>

struct seg { int a[2]; int b[2]; };

int main(void)
{
    int m[2][2] = { 1, 2, 3, 4 };
    struct seg s = { 5, 6, 7, 8 };
    printf("%d %d %d %d\n", m[1][0], m[0][1], s.b[0], s.a[1]);
    return 0;
}
