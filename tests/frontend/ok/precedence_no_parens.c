/* accepts: unparenthesised mixes gcc -Wall warns about (-Wparentheses) but C defines: 1 << 2 + 1, a & b == b, a || b && c, a | b ^ c & d */
#include <stdio.h>

int main(void)
{
    int a = 6, b = 3, c = 0, d = 5;
    int r1 = 1 << 2 + 1, r2 = a & b == 3, r3 = a || b && c, r4 = a | b ^ c & d;
    int r5 = a < b == c < d, r6 = a + b << 1, r7 = a & b | c;
    printf("%d %d %d %d %d %d %d\n", r1, r2, r3, r4, r5, r6, r7);
    return 0;
}
