/* accepts: every spelling of integer types: unsigned long long, long int, short unsigned, int long, signed char, long unsigned int... */
#include <stdio.h>

int main(void)
{
    unsigned long long a = 1; long int b = 2; short unsigned c = 3; int long d = 4;
    signed char e = 5; char signed f = 6; long unsigned int g = 7; unsigned h = 8;
    signed i = 9; short int j = 10; long long int k = 11; unsigned short int l = 12;
    int unsigned long long m = 13; signed long n = 14; long signed long o = 15;
    printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu\n", sizeof a, sizeof b, sizeof c,
           sizeof d, sizeof e, sizeof f, sizeof g, sizeof h, sizeof i, sizeof j, sizeof k, sizeof l, sizeof m, sizeof n, sizeof o);
    return (int)(a + b + c + d + e + f + g + h + i + j + k + l + m + n + o) - 120;
}
