/* pins every printf conversion in the subset: %d %i %u %ld %lu %lld %zu %zd %x %X %o %c %s %p(NULL) %% */
#include <stdio.h>
#include <limits.h>
#include <sys/types.h>

int main(void)
{
    printf("%%d: %d %d %d %d\n", 0, 42, -42, INT_MIN);
    printf("%%i: %i %i\n", 123, -7);
    printf("%%u: %u %u %u\n", 0u, 3000000000u, UINT_MAX);
    printf("%%ld: %ld %ld %ld\n", 0L, LONG_MAX, LONG_MIN);
    printf("%%lu: %lu %lu\n", 0ul, 18446744073709551615ul);
    printf("%%lld: %lld %lld\n", 9000000000000000000LL, -1LL);
    size_t z = 12345;
    ssize_t sz = -6789;
    printf("%%zu: %zu %zu\n", z, sizeof(long));
    printf("%%zd: %zd %zd\n", sz, (ssize_t)z);
    printf("%%x: %x %x %x\n", 0u, 255u, 0xdeadbeefu);
    printf("%%X: %X %X\n", 255u, 0xabcdef12u);
    printf("%%o: %o %o %o\n", 0u, 8u, 511u);
    printf("%%c: %c%c%c [%c]\n", 'o', 'k', 33, ' ');
    printf("%%s: %s|%s|%s\n", "text", "", "with space");
    printf("%%p: %p\n", (void *)0);
    printf("%%%%: 100%% %%d\n");
    printf("neg as %%x: %x %o\n", (unsigned)-1, (unsigned)-8);
    printf("%%i of hex literal: %i\n", 0x7f);
    printf("char promoted: %d %c\n", 'A', 65 + 25);
    printf("mixed: %d-%s-%c-%u-%x-%ld\n", 1, "two", '3', 4u, 5u, 6L);
    printf("no args\n");
    printf("%s\n", "trailing");
    return 0;
}
