/* must reject: defining a variadic function (`...`); only the library's printf family is variadic */
#include <stdio.h>

static int first(int n, ...)
{
    return n;
}

int main(void)
{
    printf("%d\n", first(1, 2, 3));
    return 0;
}
