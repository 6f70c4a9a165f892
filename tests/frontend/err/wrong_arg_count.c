/* must reject: too many arguments to function `add` (takes 2, given 3) */
#include <stdio.h>

static int add(int a, int b) { return a + b; }

int main(void)
{
    printf("%d\n", add(1, 2, 3));
    return 0;
}
