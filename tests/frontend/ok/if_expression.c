/* must reject (LANGUAGE.md lists only `#if 0|1`): #if with an expression `BUFSZ > 16` */
#include <stdio.h>

#define BUFSZ 32

int main(void)
{
#if BUFSZ > 16
    printf("big\n");
#endif
    return 0;
}
