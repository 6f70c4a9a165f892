/* must reject: variable-length array `buf[n]`; array sizes must be constants (use malloc) */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n = atoi("8");
    int buf[n];
    buf[0] = 1;
    printf("%d\n", buf[0]);
    return 0;
}
