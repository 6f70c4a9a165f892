/* sscanf corners against glibc: scansets with a descending range (three members), %p of "(nil)", positional %2$d. */
#include <stdio.h>
int main(void) {
    char s[20]; void *p; int a = 0, b = 0, r;
    r = sscanf("z-a]b^c", "%[]z-a^]", s); printf("%d %s\n", r, s);
    r = sscanf("abc-", "%[c-a-]", s); printf("%d %s\n", r, s);
    r = sscanf("(nil)", "%p", &p); printf("%d\n", r);
    r = sscanf("1 2", "%2$d %1$d", &a, &b); printf("%d %d %d\n", r, a, b);
    return 0;
}
