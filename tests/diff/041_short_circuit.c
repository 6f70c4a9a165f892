/* pins short-circuit evaluation of && and || with side effects, and ! results */
#include <stdio.h>

static int calls;
static int t(int v) { calls++; printf("t(%d) ", v); return v; }

int main(void)
{
    calls = 0;
    int r = t(0) && t(1);
    printf("-> %d calls=%d\n", r, calls);
    calls = 0;
    r = t(1) || t(2);
    printf("-> %d calls=%d\n", r, calls);
    calls = 0;
    r = t(1) && t(2) && t(0) && t(3);
    printf("-> %d calls=%d\n", r, calls);
    calls = 0;
    r = t(0) || t(0) || t(5);
    printf("-> %d calls=%d\n", r, calls);
    calls = 0;
    r = (t(1) && t(0)) || (t(2) && t(3));
    printf("-> %d calls=%d\n", r, calls);
    int *p = NULL;
    if (p != NULL && *p == 3) printf("unreachable\n");
    else printf("null guarded\n");
    int i = 0;
    if (i++ || i++) printf("i=%d\n", i);
    i = 0;
    if (++i && i++ && ++i) printf("i=%d\n", i);
    int x = 5;
    int y = (x > 3) && (x < 10);
    int zero = 0;
    int z = (x > 3) || (x / zero == 1);  /* never evaluates x/zero */
    printf("y=%d z=%d\n", y, z);
    printf("!!7=%d !0=%d &&=%d ||=%d\n", !!7, !0, 2 && 3, 0 || -1);
    long l = 0x100000000L;
    printf("long truth: %d\n", l && 1);
    return 0;
}
