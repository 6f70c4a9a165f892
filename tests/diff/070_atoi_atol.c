/* pins atoi/atol: leading whitespace, signs, trailing junk, no digits, large values for atol */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    const char *in[] = { "0", "42", "-42", "+17", "   99", "\t\n\v\f\r 5", "12abc", "abc", "", "-",
                         "+-3", "  -0", "007", "0x1A", "2147483647", "-2147483648", " 3 4", "1e5" };
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        printf("atoi(\"%s\")=%d\n", in[i][0] == '\t' ? "<ws>5" : in[i], atoi(in[i]));
    printf("atol big=%ld\n", atol("9223372036854775807"));
    printf("atol neg=%ld\n", atol("-9223372036854775808"));
    printf("atol mid=%ld\n", atol("  -123456789012 rest"));
    char num[16];
    int total = 0;
    for (int i = 1; i <= 5; i++) {
        snprintf(num, sizeof num, "%d", i * 111);
        total += atoi(num);
    }
    printf("round trip total=%d\n", total);
    return 0;
}
