/* must reject (LANGUAGE.md does not list it): _Static_assert */
#include <stdio.h>

_Static_assert(sizeof(int) == 4, "int must be 32 bits");

int main(void)
{
    printf("ok\n");
    return 0;
}
