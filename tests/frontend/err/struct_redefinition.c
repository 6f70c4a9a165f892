/* must reject: redefinition of `struct pair` */
#include <stdio.h>

struct pair { int a, b; };
struct pair { long a, b; };

int main(void)
{
    printf("%zu\n", sizeof(struct pair));
    return 0;
}
