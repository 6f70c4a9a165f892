/* must reject: assignment to expression with array type (`dst = src`); use memcpy or a loop */
#include <stdio.h>

int main(void)
{
    int src[3] = { 1, 2, 3 }, dst[3];
    dst = src;
    printf("%d\n", dst[0]);
    return 0;
}
