/* must reject: invalid application of sizeof to incomplete type `struct opaque` */
#include <stdio.h>

struct opaque;

int main(void)
{
    printf("%zu\n", sizeof(struct opaque));
    return 0;
}
