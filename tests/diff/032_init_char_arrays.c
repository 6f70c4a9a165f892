/* pins string literals initializing char arrays: with and without size, exact fit, braces, escapes */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char a[] = "abc";
    char b[10] = "abc";
    char c[3] = "abc";                 /* exact fit: no terminator */
    char d[] = { 'x', 'y', 'z', '\0' };
    char e[] = { "braced" };
    char f[6] = "";
    char g[] = "tab\there\n";
    char h[] = "a\0b";
    printf("sizes: %zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof a, sizeof b, sizeof c, sizeof d,
           sizeof e, sizeof f, sizeof g, sizeof h);
    printf("%s %s %.3s %s %s [%s]\n", a, b, c, d, e, f);
    printf("%s", g);
    printf("strlen h=%zu h[2]=%c\n", strlen(h), h[2]);
    a[0] = 'A';
    printf("modifiable: %s\n", a);
    char m[2][4] = { "one", "two" };
    printf("%s %s\n", m[0], m[1]);
    const char *ptrs[] = { "p", "q" };
    printf("%s%s\n", ptrs[0], ptrs[1]);
    char esc[] = "\x41\102\x43\'\"\\\?";
    printf("esc=%s len=%zu\n", esc, strlen(esc));
    char cat[] = "con" "cat" "enated";
    printf("%s %zu\n", cat, sizeof cat);
    unsigned char uc[] = "\xff\x01";
    printf("uc: %d %d %d\n", uc[0], uc[1], uc[2]);
    signed char sc[] = "\x80";
    printf("sc: %d\n", sc[0]);
    return 0;
}
