/* accepts: C11 anonymous struct and union members, accessed as if direct members */
#include <stdio.h>

struct msg {
    int kind;
    union { int num; char text[8]; };
    struct { short lo, hi; };
};

int main(void)
{
    struct msg m = { .kind = 1, .num = 42, .lo = 3, .hi = 4 };
    printf("%d %d %d %d %zu\n", m.kind, m.num, m.lo, m.hi, sizeof m);
    return 0;
}
