/* pins strtol overflow/underflow (ERANGE, LONG_MAX/LONG_MIN, endptr past all digits), NULL endptr, parsing loops */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static void t(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("\"%s\" b%d -> %ld errno=%d consumed=%ld max=%d min=%d\n", s, base, v, errno, end - s, v == LONG_MAX, v == LONG_MIN);
}

int main(void)
{
    t("9223372036854775807", 10);
    t("9223372036854775808", 10);
    t("-9223372036854775808", 10);
    t("-9223372036854775809", 10);
    t("99999999999999999999999x", 10);
    t("0x8000000000000000", 0);
    t("-0x8000000000000000", 0);
    t("zzzzzzzzzzzzzz", 36);
    errno = 0;
    long v = strtol("  42  ", NULL, 10);
    printf("NULL endptr: %ld errno=%d\n", v, errno);
    const char *list = "10, -20,  30,x,40";
    const char *p = list;
    long sum = 0;
    for (;;) {
        char *end;
        long n = strtol(p, &end, 10);
        if (end == p) { printf("stop at \"%s\"\n", p); break; }
        sum += n;
        p = end;
        while (*p == ',' || *p == ' ') p++;
    }
    printf("sum=%ld\n", sum);
    char *end;
    v = strtol("123", &end, 10);
    printf("at end: %d\n", *end == '\0');
    return 0;
}
