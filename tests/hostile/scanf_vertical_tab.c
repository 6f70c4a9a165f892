/* Fixed (issue 9/10 hostile review), was: sscanf/scanf do not treat vertical tab (\v, 11) as white space: sscanf("1\v2", "%d%d") returns 1 and sscanf("\v7", "%d") returns 0 in ipcsim; glibc returns 2 and 1 (isspace(\v) is true in both). Shows as different counts when scanf reads a binary --stdin file. Run: ipcsim run scanf_vertical_tab.c */
#include <stdio.h>
#include <ctype.h>
int main(void) {
    char x[8], y[8]; int a = 0, b = 0;
    printf("isspace(\\v)=%d\n", isspace('\v') != 0);
    printf("%%s%%s: %d\n", sscanf("a\vb", "%s%s", x, y));
    printf("%%d%%d: %d\n", sscanf("1\v2", "%d%d", &a, &b));
    printf("' %%d': %d\n", sscanf("\v7", " %d", &a));
    printf("%%d: %d\n", sscanf("\v7", "%d", &a));
    return 0;
}
