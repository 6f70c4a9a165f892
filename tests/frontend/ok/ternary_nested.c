/* accepts: a ? b : c ? d : e, a ? b ? c : d : e, ternaries as function arguments and in initializers */
#include <stdio.h>

int main(void)
{
    int a = 0, b = 1, c = 2, d = 3, e = 4;
    int r1 = a ? b : c ? d : e;
    int r2 = b ? a ? c : d : e;
    const char *s = r1 > 2 ? "big" : "small";
    printf("%d %d %s %d\n", r1, r2, s, (a ? b : c) + (d ? e : a));
    return 0;
}
