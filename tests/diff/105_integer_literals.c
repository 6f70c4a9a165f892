/* pins integer literal forms: hex, octal, decimal with u/l/ul/ll/ull suffixes in any case, and their types */
#include <stdio.h>

int main(void)
{
    printf("0x1f=%d 0X1F=%d 017=%d 0=%d 00=%d\n", 0x1f, 0X1F, 017, 0, 00);
    printf("10u=%u 5LL=%lld 5ll=%lld 0x1fUL=%lu 7lu=%lu 9Ul=%lu 3uLL=%lu 4LLU=%lu\n",
           10u, 5LL, 5ll, 0x1fUL, 7lu, 9Ul, (unsigned long)3uLL, (unsigned long)4LLU);
    printf("sizes: %zu %zu %zu %zu %zu %zu\n", sizeof 10u, sizeof 5LL, sizeof 0x1fUL, sizeof 017, sizeof 0xffffffff, sizeof 4294967295);
    printf("0xffffffff is unsigned: %d\n", 0xffffffff > 0);
    printf("hex unsigned: -0x1 < 0? %d\n", -0x1 < 0);
    printf("0777=%d 0x7fffffff=%d 0x80000000=%u\n", 0777, 0x7fffffff, 0x80000000);
    printf("0xFFFFFFFFFFFFFFFF=%lu\n", 0xFFFFFFFFFFFFFFFF);
    printf("9223372036854775807=%ld\n", 9223372036854775807);
    printf("-2147483648 size=%zu\n", sizeof -2147483648);
    printf("-2147483647-1 size=%zu\n", sizeof(-2147483647 - 1));
    printf("0x0=%d 0xA=%d 0xaBcD=%d\n", 0x0, 0xA, 0xaBcD);
    printf("'A'+0=%d L-free char math=%d\n", 'A' + 0, '9' - '0');
    long big = 1000000L * 1000000L;
    printf("big=%ld\n", big);
    unsigned long long ull = 18446744073709551615ULL;
    printf("ull=%lu\n", (unsigned long)ull);
    return 0;
}
