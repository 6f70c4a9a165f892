/* strtod and strtof on 4,000 random strings made of number fragments ("0x", "1e", "-", ".", "inf", "nan(", digits): value, end pointer and ERANGE as glibc gives them */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

static unsigned long long state = 2463534242ULL;

static unsigned next(void) {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return (unsigned)(state >> 11);
}

int main(void) {
    const char *parts[] = {"0", "1", "9", "5", "00", "123", "99999999999", ".", "e", "E", "+", "-", "p", "x", "0x", "1e",
                           "e-", "1e400", "1e-400", "inf", "INFINITY", "nan", "nan(", "12)", "a", "F", " ", "2.5", "7e+2", "0x1p-1074"};
    int nparts = sizeof parts / sizeof parts[0];
    char s[128];
    for (int i = 0; i < 4000; i++) {
        s[0] = '\0';
        int n = 1 + next() % 6;
        for (int k = 0; k < n; k++) {
            strcat(s, parts[next() % nparts]);
        }
        char *end;
        errno = 0;
        double d = strtod(s, &end);
        int derr = errno == ERANGE;
        errno = 0;
        float f = strtof(s, NULL);
        int ferr = errno == ERANGE;
        printf("[%s] %a %ld %d %a %d\n", s, d, (long)(end - s), derr, (double)f, ferr);
    }
    return 0;
}
