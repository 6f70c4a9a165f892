/* must reject (ipcsim's limit): a compound literal at file scope, which
   has static storage; declare a variable instead */
#include <stdio.h>

struct point { int x, y; };
struct point *origin = &(struct point){ 0, 0 };

int main(void)
{
    struct point p = (struct point){ 1, 2 };
    printf("%d %d\n", p.x, origin->y);
    return 0;
}
