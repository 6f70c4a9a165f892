/* accepts: hex, octal and suffixed literals: 0x1fUL 017 10u 5LL 0XABCDEFul 0 07LLU 1Lu 2uLL */
#include <stdio.h>

int main(void)
{
    unsigned long a = 0x1fUL, b = 0XABCDEFul, c = 1Lu;
    int d = 017, e = 0;
    unsigned f = 10u;
    long long g = 5LL;
    unsigned long long h = 07LLU, i = 2uLL;
    printf("%lu %lu %lu %d %d %u %lld %d %d\n", a, b, c, d, e, f, g, (int)h, (int)i);
    return 0;
}
