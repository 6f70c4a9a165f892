/* pins strcmp/strncmp sign (bytes compared as unsigned char), prefixes, n limits, empty strings */
#include <stdio.h>
#include <string.h>

static int sgn(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    const char *pairs[][2] = {
        { "abc", "abc" }, { "abc", "abd" }, { "abd", "abc" }, { "ab", "abc" }, { "abc", "ab" },
        { "", "" }, { "", "a" }, { "a", "" }, { "A", "a" }, { "Zebra", "apple" },
        { "\xff", "a" }, { "a\x80", "a\x7f" },
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++)
        printf("strcmp #%zu = %d\n", i, sgn(strcmp(pairs[i][0], pairs[i][1])));
    printf("strncmp abcdef/abcxyz n=3: %d\n", sgn(strncmp("abcdef", "abcxyz", 3)));
    printf("strncmp abcdef/abcxyz n=4: %d\n", sgn(strncmp("abcdef", "abcxyz", 4)));
    printf("strncmp n=0: %d\n", strncmp("x", "y", 0));
    printf("strncmp past end: %d\n", sgn(strncmp("ab", "ab", 100)));
    printf("strncmp prefix: %d\n", sgn(strncmp("ab", "abc", 3)));
    printf("strncmp high byte: %d\n", sgn(strncmp("\x90zz", "\x10zz", 1)));
    const char *words[] = { "pear", "apple", "fig", "banana", "apple" };
    int less = 0, eq = 0;
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
            int c = strcmp(words[i], words[j]);
            less += c < 0;
            eq += c == 0;
        }
    printf("less=%d eq=%d\n", less, eq);
    char a[8] = "same", b[8] = "same";
    printf("arrays equal=%d\n", strcmp(a, b) == 0);
    return 0;
}
