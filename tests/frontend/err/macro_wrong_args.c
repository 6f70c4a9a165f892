/* must reject: macro `MAX` requires 2 arguments, but only 1 given */
#include <stdio.h>

#define MAX(a, b) ((a) > (b) ? (a) : (b))

int main(void)
{
    printf("%d\n", MAX(3));
    return 0;
}
