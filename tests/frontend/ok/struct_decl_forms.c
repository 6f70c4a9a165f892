/* accepts: struct defined with variables in one statement, struct tag equal to a variable name, forward-declared struct pointer */
#include <stdio.h>

struct fwd;
struct holder { struct fwd *p; int n; };
struct point { int x, y; } origin = { 0, 0 }, *porigin = &origin;

int main(void)
{
    struct point point = { 3, 4 };
    struct holder h = { NULL, 2 };
    printf("%d %d %d %d\n", point.x + point.y, porigin->x, h.n, h.p == NULL);
    return 0;
}
