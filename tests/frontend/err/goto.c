/* must reject: goto (and labels) are not in the subset; use loops with break/continue */
#include <stdio.h>

int main(void)
{
    int i = 0;
again:
    i++;
    if (i < 3) goto again;
    printf("%d\n", i);
    return 0;
}
