/* typedef of a function pointer type `void (*handler_t)(int)`, a null one compared with 0 */
#include <stdio.h>

typedef void (*handler_t)(int);

int main(void)
{
    handler_t h = 0;
    printf("%d\n", h == 0);
    return 0;
}
