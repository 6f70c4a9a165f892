/* pins strtol with bases 0 (auto: 0x, 0), 2, 8, 10, 16, 36 and how far it consumes */
#include <stdio.h>
#include <stdlib.h>

static void t(const char *s, int base)
{
    char *end;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, consumed %ld, rest \"%s\"\n", s, base, v, end - s, end);
}

int main(void)
{
    t("123", 10);
    t("123", 8);
    t("123", 16);
    t("0x1f", 16);
    t("0X1F", 0);
    t("0x1f", 0);
    t("017", 0);
    t("017", 10);
    t("089", 0);            /* octal stops at 8 */
    t("0", 0);
    t("0x", 16);            /* only the 0 is consumed */
    t("0xg", 0);
    t("zz", 36);
    t("ZZ", 36);
    t("ipcsim", 36);
    t("1010102", 2);
    t("777", 8);
    t("-ff", 16);
    t("+0x10", 0);
    t("  -0755", 0);
    t("12.5", 10);
    t("abc", 10);
    t("", 10);
    t("   ", 10);
    t("7fffffffffffffff", 16);
    return 0;
}
