/* a variable-length local array `buf[n]` */
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
