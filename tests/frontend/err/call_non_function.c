/* must reject: called object `size` is not a function */
#include <stdio.h>

int main(void)
{
    int size = 4;
    printf("%d\n", size(2));
    return 0;
}
