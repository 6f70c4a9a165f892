/* pins main falling off its closing brace: exit status 0 (C99), stdout flushed */
#include <stdio.h>

int main(void)
{
    int sum = 0;
    for (int i = 1; i <= 10; i++) sum += i;
    printf("sum=%d, no return statement follows\n", sum);
}
