/* must reject, as gcc does: va_start in a function with fixed arguments;
   and (ipcsim's limit) a variadic function called through a pointer */
#include <stdarg.h>
#include <stdio.h>

static int first(int n, int m)
{
    va_list ap;
    va_start(ap, m);
    va_end(ap);
    return n + m;
}

static int count(int n, ...)
{
    return n;
}

int main(void)
{
    int (*f)(int, ...) = count;
    printf("%d %d\n", first(1, 2), f(1, 2, 3));
    return 0;
}
