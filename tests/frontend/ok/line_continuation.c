/* accepts: backslash-newline continuation in macros, in a string literal, and in the middle of a token */
#include <stdio.h>

#define SUM3(a, b, c) \
    ((a) + \
     (b) + (c))

int main(void)
{
    const char *s = "split \
string";
    int val\
ue = SUM3(1, 2, 3);
    printf("%s %d\n", s, value);
    return 0;
}
