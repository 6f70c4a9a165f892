/* expects SIGFPE: integer division by zero with a divisor from atoi("0"); buffered stdout lost (no sanitizer) */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int n = 100;
    int d = atoi("0");
    printf("about to divide (lost: still buffered)\n");
    fprintf(stderr, "dividing %d by %d\n", n, d);
    int q = n / d;
    printf("q=%d\n", q);
    return 0;
}
