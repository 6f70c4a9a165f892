/* must reject: invalid type argument of unary '*': `n` is an int, not a pointer */
#include <stdio.h>

int main(void)
{
    int n = 5;
    printf("%d\n", *n);
    return 0;
}
