/* must reject: redefinition of function `twice` */
#include <stdio.h>

static int twice(int x) { return 2 * x; }
static int twice(int x) { return x + x; }

int main(void)
{
    printf("%d\n", twice(2));
    return 0;
}
