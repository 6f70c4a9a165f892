/* must reject: lvalue required as left operand of assignment (`x + 1 = 5`) */
#include <stdio.h>

int main(void)
{
    int x = 1;
    x + 1 = 5;
    printf("%d\n", x);
    return 0;
}
