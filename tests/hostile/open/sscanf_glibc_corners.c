/* sscanf corners where ipcsim differs from glibc (each prints the glibc result in the comment): a reversed range in a scanset ("%[]z-a^]" on "z-a]b^c": glibc takes z - a literally -> 1 "z-a]", ipcsim 1 "z"; "%[c-a-]" on "abc-": glibc 1 "a", ipcsim 1 "abc-"), "%p" reading "(nil)" (glibc 1, ipcsim 0), positional "%2$d %1$d" (glibc 2 with a=2 b=1, ipcsim 0 silently). Run: ipcsim run sscanf_glibc_corners.c */
#include <stdio.h>
int main(void) {
    char s[20]; void *p; int a = 0, b = 0, r;
    r = sscanf("z-a]b^c", "%[]z-a^]", s); printf("%d %s\n", r, s);
    r = sscanf("abc-", "%[c-a-]", s); printf("%d %s\n", r, s);
    r = sscanf("(nil)", "%p", &p); printf("%d\n", r);
    r = sscanf("1 2", "%2$d %1$d", &a, &b); printf("%d %d %d\n", r, a, b);
    return 0;
}
