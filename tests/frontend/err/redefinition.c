/* must reject: redefinition of `total` in the same scope */
#include <stdio.h>

int main(void)
{
    int total = 1;
    int total = 2;
    printf("%d\n", total);
    return 0;
}
