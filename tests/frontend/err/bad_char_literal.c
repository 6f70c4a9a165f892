/* must reject: empty character constant '' */
#include <stdio.h>

int main(void)
{
    char c = '';
    printf("%d\n", c);
    return 0;
}
