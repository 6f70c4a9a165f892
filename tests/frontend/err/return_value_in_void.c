/* must reject: `return` with a value in function `log_it` returning void (gcc 12 only warns) */
#include <stdio.h>

static void log_it(int v)
{
    printf("%d\n", v);
    return v;
}

int main(void)
{
    log_it(1);
    return 0;
}
