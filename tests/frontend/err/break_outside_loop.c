/* must reject: break statement not within a loop or switch */
#include <stdio.h>

int main(void)
{
    int x = 1;
    if (x) break;
    printf("%d\n", x);
    return 0;
}
