/* function pointer declaration `int (*op)(int, int)` initialised from a function and called through */
#include <stdio.h>

static int add(int a, int b) { return a + b; }

int main(void)
{
    int (*op)(int, int) = add;
    printf("%d\n", op(1, 2));
    return 0;
}
