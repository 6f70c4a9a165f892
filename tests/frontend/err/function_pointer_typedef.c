/* must reject: typedef of a function pointer type `void (*handler_t)(int)`; function pointers are not in the subset */
#include <stdio.h>

typedef void (*handler_t)(int);

int main(void)
{
    handler_t h = 0;
    printf("%d\n", h == 0);
    return 0;
}
