/* must reject: a variable-length array at file scope (gcc: variably modified at file scope) */
#include <stdio.h>

int n = 8;
int buf[n];

int main(void)
{
    buf[0] = 1;
    printf("%d\n", buf[0]);
    return 0;
}
