/* accepts: a floating literal converted to int (truncated to 2) */
#include <stdio.h>

int main(void)
{
    int x = 2.5;
    printf("%d\n", x);
    return 0;
}
