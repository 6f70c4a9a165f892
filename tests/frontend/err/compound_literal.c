/* must reject: compound literal `(struct point){ 1, 2 }`; declare a variable instead */
#include <stdio.h>

struct point { int x, y; };

int main(void)
{
    struct point p = (struct point){ 1, 2 };
    printf("%d\n", p.x);
    return 0;
}
