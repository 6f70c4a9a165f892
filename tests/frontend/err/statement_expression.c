/* must reject: GNU statement expression `({ ... })` is not in the subset */
#include <stdio.h>

int main(void)
{
    int y = ({ int t = 3; t * t; });
    printf("%d\n", y);
    return 0;
}
