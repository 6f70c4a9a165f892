/* pins hand-written string routines: reverse in place, itoa in any base, palindromes, word counting */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static void reverse(char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n / 2; i++) { char t = s[i]; s[i] = s[n - 1 - i]; s[n - 1 - i] = t; }
}

static char *itoa_base(long v, int base, char *out)
{
    const char *digits = "0123456789abcdefghijklmnopqrstuvwxyz";
    unsigned long u = v < 0 ? 0ul - (unsigned long)v : (unsigned long)v;
    int i = 0;
    do { out[i++] = digits[u % (unsigned)base]; u /= (unsigned)base; } while (u);
    if (v < 0) out[i++] = '-';
    out[i] = '\0';
    reverse(out);
    return out;
}

static int is_palindrome(const char *s)
{
    const char *e = s + strlen(s);
    while (s < e) {
        if (!isalnum((unsigned char)*s)) { s++; continue; }
        if (!isalnum((unsigned char)e[-1])) { e--; continue; }
        if (tolower((unsigned char)*s) != tolower((unsigned char)e[-1])) return 0;
        s++; e--;
    }
    return 1;
}

static int words(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) in = 0;
        else if (!in) { in = 1; n++; }
    }
    return n;
}

int main(void)
{
    char s[] = "interpreter";
    reverse(s);
    printf("%s\n", s);
    char buf[70], b10[24], b2[70];
    long vals[] = { 0, 255, -255, 1000000007, -9223372036854775807L - 1 };
    for (int i = 0; i < 5; i++)
        printf("%s %s\n", itoa_base(vals[i], 10, b10), itoa_base(vals[i], 2, b2));
    printf("b16=%s b36=%s\n", itoa_base(48879, 16, buf), itoa_base(1295, 36, buf + 20));
    const char *p[] = { "A man, a plan, a canal: Panama", "racecar", "ipcsim", "", "No 'x' in Nixon" };
    for (int i = 0; i < 5; i++) printf("pal(\"%s\")=%d\n", p[i], is_palindrome(p[i]));
    printf("words=%d %d %d\n", words("  the quick\tbrown\n fox "), words(""), words("one"));
    return 0;
}
