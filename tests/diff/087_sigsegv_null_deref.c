/* expects SIGSEGV: a write through a NULL pointer chosen at run time; buffered stdout lost (no sanitizer) */
#include <stdio.h>
#include <stdlib.h>

static int *pick(int which, int *good)
{
    return which ? good : NULL;
}

int main(void)
{
    int x = 0;
    int *p = pick(atoi("0"), &x);
    printf("lost output\n");
    fprintf(stderr, "dereferencing\n");
    *p = 42;
    printf("x=%d\n", x);
    return 0;
}
