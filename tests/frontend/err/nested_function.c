/* must reject: nested function definition (GNU extension) `inner` inside main */
#include <stdio.h>

int main(void)
{
    int inner(int v) { return v + 1; }
    printf("%d\n", inner(1));
    return 0;
}
