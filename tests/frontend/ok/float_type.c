/* accepts: the float type, converted from and to int */
#include <stdio.h>

int main(void)
{
    float ratio = 3;
    printf("%d\n", (int)ratio);
    return 0;
}
