/* sscanf against glibc: each conversion (d i u o x p c s [set] n %), widths,
   lengths, suppression, literal and whitespace directives, overflow, and
   the returns of a matching failure and of the end of input (EOF only
   before the first conversion). */
#include <stdio.h>
#include <string.h>

static void show(const char *in, const char *fmt) {
    int a = -7, b = -7, n = -7;
    long l = -7;
    unsigned u = 7;
    char s[16] = "?", t[16] = "?", c[4] = "??";
    short h = -7;
    signed char hh = -7;
    int r;
    if (strstr(fmt, "%ld"))
        r = sscanf(in, fmt, &l, &a);
    else if (strstr(fmt, "%hhd"))
        r = sscanf(in, fmt, &hh, &a);
    else if (strstr(fmt, "%hd"))
        r = sscanf(in, fmt, &h, &a);
    else if (strstr(fmt, "%u") || strstr(fmt, "%x") || strstr(fmt, "%o"))
        r = sscanf(in, fmt, &u, &a);
    else if (strstr(fmt, "%c"))
        r = sscanf(in, fmt, c, &a);
    else if (strstr(fmt, "%s") || strstr(fmt, "%["))
        r = sscanf(in, fmt, s, t, &n);
    else
        r = sscanf(in, fmt, &a, &b, &n);
    printf("[%s] [%s] -> %d | a=%d b=%d n=%d l=%ld u=%u h=%d hh=%d s=%s t=%s c=%.2s\n", in, fmt, r, a, b, n, l, u, h, hh, s, t, c);
}

int main(void) {
    const char *cases[][2] = {
        {"42", "%d"}, {"  -17 x", "%d %d"}, {"", "%d"}, {"   ", "%d"}, {"abc", "%d"},
        {"12abc", "%d%n"}, {"1 2", "%d %d%n"}, {"1,2", "%d,%d"}, {"1 ,2", "%d,%d"}, {"1 ,2", "%d ,%d"},
        {"+5", "%d"}, {"-", "%d"}, {"99999999999", "%d"}, {"-99999999999999999999", "%ld"},
        {"0x1f 017", "%i %i"}, {"0x", "%i"}, {"08", "%i"}, {"ff", "%x"}, {"0XFF", "%x"}, {"777", "%o"},
        {"-1", "%u"}, {"4294967296", "%u"}, {"70000", "%hd"}, {"300", "%hhd"},
        {"12345", "%3d%d"}, {"hello world", "%s %s"}, {"hello world", "%3s%s"}, {"  x", "%c"}, {"  x", " %c"},
        {"ab", "%2c"}, {"a", "%2c"}, {"abc123", "%[a-z]%[0-9]"}, {"123abc", "%[a-z]"}, {"key=value", "%[^=]=%s"},
        {"]x", "%[]x]"}, {"a-b", "%[a-]"}, {"100%", "%d%%"}, {"100 %", "%d %%"}, {"5", "%*d%d"}, {"5 6", "%*d%d"},
        {"  7", "%2d"}, {"x", "x%d"}, {"", " "}, {"", "x"}, {"1", "%d%n"},
    };
    for (unsigned k = 0; k < sizeof cases / sizeof cases[0]; k++)
        show(cases[k][0], cases[k][1]);
    return 0;
}
