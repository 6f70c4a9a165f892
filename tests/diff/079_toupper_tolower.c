/* pins toupper/tolower on all 256 byte values: only letters change; case-insensitive compare built on them */
#include <stdio.h>
#include <ctype.h>

static int ci_cmp(const char *a, const char *b)
{
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) { a++; b++; }
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

int main(void)
{
    int up_changed = 0, low_changed = 0;
    long up_sum = 0, low_sum = 0;
    for (int c = 0; c < 256; c++) {
        int u = toupper(c), l = tolower(c);
        up_changed += u != c;
        low_changed += l != c;
        up_sum += u;
        low_sum += l;
    }
    printf("toupper changed=%d sum=%ld\n", up_changed, up_sum);
    printf("tolower changed=%d sum=%ld\n", low_changed, low_sum);
    char s[] = "Mixed CASE text, 42 items! [brackets] `tick` {brace}";
    for (char *p = s; *p; p++) *p = (char)toupper((unsigned char)*p);
    printf("%s\n", s);
    for (char *p = s; *p; p++) *p = (char)tolower((unsigned char)*p);
    printf("%s\n", s);
    printf("toupper('a')=%c tolower('Z')=%c toupper('1')=%c toupper('@')=%d toupper('[')=%d\n",
           toupper('a'), tolower('Z'), toupper('1'), toupper('@'), toupper('['));
    printf("ci_cmp: %d %d %d\n", ci_cmp("Hello", "hELLO") == 0, ci_cmp("abc", "ABD") < 0, ci_cmp("b", "A") > 0);
    char title[] = "the quick brown fox";
    int start = 1;
    for (char *p = title; *p; p++) {
        if (start && isalpha((unsigned char)*p)) *p = (char)toupper((unsigned char)*p);
        start = *p == ' ';
    }
    printf("%s\n", title);
    return 0;
}
