/* must reject: the float type; the subset has no floating point (use integers, e.g. fixed point) */
#include <stdio.h>

int main(void)
{
    float ratio = 3;
    printf("%d\n", (int)ratio);
    return 0;
}
