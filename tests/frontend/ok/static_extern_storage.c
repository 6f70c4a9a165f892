/* accepts: static globals and functions, extern declaration at file and block scope, static locals, tentative definitions */
#include <stdio.h>

extern int shared;
static int hidden = 3;
int shared;
int shared = 4;
static int bump(void) { static int n; return ++n; }

int main(void)
{
    extern int shared;
    bump();
    printf("%d %d %d\n", hidden, shared, bump());
    return 0;
}
