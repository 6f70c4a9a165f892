/* must reject: use of undeclared identifier `countr` (a typo for count), pointing at it */
#include <stdio.h>

int main(void)
{
    int count = 3;
    printf("%d\n", countr);
    return count;
}
