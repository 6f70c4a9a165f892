/* must reject, as gcc does: a goto to a label the function does not
   define, and a label defined twice */
#include <stdio.h>

int main(void)
{
    int i = 0;
again:
    i++;
    if (i < 3)
        goto agian;
again:
    printf("%d\n", i);
    return 0;
}
