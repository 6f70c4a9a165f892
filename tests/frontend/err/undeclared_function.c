/* must reject: call to undeclared function `helper` (gcc 12 only warns: implicit declaration) */
#include <stdio.h>

int main(void)
{
    int r = helper(4);
    printf("%d\n", r);
    return 0;
}
