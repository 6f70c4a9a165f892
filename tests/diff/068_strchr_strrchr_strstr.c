/* pins strchr (incl. '\0'), strrchr, strstr (incl. empty needle), returned positions and NULLs */
#include <stdio.h>
#include <string.h>

static long pos(const char *base, const char *p) { return p ? (long)(p - base) : -1L; }

int main(void)
{
    const char *s = "hello, world";
    printf("strchr o=%ld w=%ld z=%ld h=%ld\n", pos(s, strchr(s, 'o')), pos(s, strchr(s, 'w')),
           pos(s, strchr(s, 'z')), pos(s, strchr(s, 'h')));
    printf("strchr nul=%ld (len %zu)\n", pos(s, strchr(s, '\0')), strlen(s));
    printf("strrchr o=%ld l=%ld z=%ld nul=%ld\n", pos(s, strrchr(s, 'o')), pos(s, strrchr(s, 'l')),
           pos(s, strrchr(s, 'z')), pos(s, strrchr(s, '\0')));
    printf("strchr high byte: %ld\n", pos("ab\xe9z", strchr("ab\xe9z", 0xe9)));
    printf("strchr int arg 'o'+256: %ld\n", pos(s, strchr(s, 'o' + 256)));
    printf("strstr world=%ld o,=%ld xyz=%ld empty=%ld\n", pos(s, strstr(s, "world")), pos(s, strstr(s, "o,")),
           pos(s, strstr(s, "xyz")), pos(s, strstr(s, "")));
    printf("strstr in empty: %ld %ld\n", pos("", strstr("", "")), pos("", strstr("", "a")));
    printf("strstr overlap: %ld\n", pos("aaab", strstr("aaab", "aab")));
    printf("strstr longer needle: %ld\n", pos("ab", strstr("ab", "abc")));
    const char *path = "/usr/local/bin/prog";
    const char *base = strrchr(path, '/');
    printf("basename=%s\n", base ? base + 1 : path);
    char csv[] = "a,bb,,ccc";
    char *p = csv;
    int field = 0;
    for (;;) {
        char *comma = strchr(p, ',');
        if (comma) *comma = '\0';
        printf("field %d=[%s]\n", field++, p);
        if (!comma) break;
        p = comma + 1;
    }
    int count = 0;
    const char *text = "the cat and the hat and the bat";
    for (const char *q = text; (q = strstr(q, "the")) != NULL; q++) count++;
    printf("count of 'the'=%d\n", count);
    char m[] = "modify";
    *strchr(m, 'd') = 'D';
    printf("%s\n", m);
    return 0;
}
