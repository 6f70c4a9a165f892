/* pins strncpy zero padding and non-termination, strncat always terminating and n limits */
#include <stdio.h>
#include <string.h>

static void dump(const char *label, const char *b, size_t n)
{
    printf("%s:", label);
    for (size_t i = 0; i < n; i++) {
        if (b[i] == '\0') printf(" \\0");
        else printf(" %c", b[i]);
    }
    printf("\n");
}

/* opaque wrapper: keeps gcc's -Wstringop-truncation quiet about deliberate truncation */
char *ncpy(char *d, const char *s, size_t n) { return strncpy(d, s, n); }

int main(void)
{
    char b[8];
    memset(b, '#', sizeof b);
    char *r = strncpy(b, "abc", sizeof b);           /* pads with NULs to n */
    dump("pad", b, sizeof b);
    printf("returns dest: %d\n", r == b);
    memset(b, '#', sizeof b);
    ncpy(b, "abcdefghij", 5);                           /* no terminator written */
    dump("trunc", b, sizeof b);
    memset(b, '#', sizeof b);
    strncpy(b, "", 3);
    dump("empty", b, sizeof b);
    memset(b, '#', sizeof b);
    ncpy(b, "xyz", 0);
    dump("zero", b, sizeof b);
    char c[12] = "ab";
    memset(c + 3, '#', sizeof c - 3);
    r = strncat(c, "cdefgh", 3);                      /* appends 3 and a NUL */
    dump("ncat", c, sizeof c);
    printf("returns dest: %d str=%s\n", r == c, c);
    strncat(c, "XY", 10);                             /* shorter than n */
    printf("ncat short: %s\n", c);
    strncat(c, "ZZZ", 0);
    printf("ncat zero: %s\n", c);
    char d[6] = "";
    strncat(d, "123456789", sizeof d - strlen(d) - 1);
    printf("bounded: %s len=%zu\n", d, strlen(d));
    char fixed[4];
    strncpy(fixed, "abcdef", sizeof fixed - 1);
    fixed[sizeof fixed - 1] = '\0';
    printf("fixed=%s\n", fixed);
    return 0;
}
