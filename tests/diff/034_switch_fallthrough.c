/* pins switch fall-through between cases, grouped case labels, Duff-like counting */
#include <stdio.h>

static int days_left(int q)
{
    int n = 0;
    switch (q) {
    case 1: n += 90;
        /* fall through */
    case 2: n += 91;
        /* fall through */
    case 3: n += 92;
        /* fall through */
    case 4: n += 92;
        break;
    default: n = -1;
    }
    return n;
}

static const char *kind(char c)
{
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return "vowel";
    case ' ':
    case '\t':
        return "space";
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
        return "digit";
    }
    return "other";
}

int main(void)
{
    for (int q = 0; q <= 5; q++) printf("q%d: %d\n", q, days_left(q));
    const char *s = "hi 2u!";
    for (const char *p = s; *p; p++) printf("'%c' %s\n", *p, kind(*p));
    int count = 11, ops = 0;
    int n = (count + 3) / 4;
    switch (count % 4) {
    case 0: do { ops++;
        /* fall through */
    case 3: ops++;
        /* fall through */
    case 2: ops++;
        /* fall through */
    case 1: ops++;
            } while (--n > 0);
    }
    printf("duff ops=%d\n", ops);
    int x = 2;
    switch (x) { case 1: printf("one\n"); break; case 2: printf("two\n"); }
    switch (x) { }
    switch (x) default: printf("lone default\n");
    return 0;
}
