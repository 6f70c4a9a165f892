/* must reject: the floating literal 2.5; the subset has no floating point */
#include <stdio.h>

int main(void)
{
    int x = 2.5;
    printf("%d\n", x);
    return 0;
}
