/* pins the <limits.h> constants and arithmetic at their edges */
#include <stdio.h>
#include <limits.h>

int main(void)
{
    printf("CHAR_BIT=%d\n", CHAR_BIT);
    printf("INT_MAX=%d INT_MIN=%d\n", INT_MAX, INT_MIN);
    printf("UINT_MAX=%u\n", UINT_MAX);
    printf("LONG_MAX=%ld LONG_MIN=%ld\n", LONG_MAX, LONG_MIN);
    printf("INT_MAX+1u=%u\n", INT_MAX + 1u);
    printf("(unsigned)INT_MIN=%u\n", (unsigned)INT_MIN);
    printf("-(INT_MIN+1)=%d\n", -(INT_MIN + 1));
    printf("INT_MAX-INT_MAX=%d\n", INT_MAX - INT_MAX);
    printf("LONG_MAX as ul +1=%lu\n", (unsigned long)LONG_MAX + 1);
    printf("UINT_MAX+1L=%ld\n", UINT_MAX + 1L);
    printf("sizeof INT_MAX=%zu sizeof UINT_MAX=%zu sizeof LONG_MAX=%zu\n",
           sizeof INT_MAX, sizeof UINT_MAX, sizeof LONG_MAX);
    printf("(int)UINT_MAX=%d\n", (int)UINT_MAX);
    printf("INT_MIN/-INT_MAX=%d\n", INT_MIN / -INT_MAX);
    printf("INT_MAX/INT_MIN=%d\n", INT_MAX / INT_MIN);
    long total = (long)INT_MAX + INT_MAX;
    printf("2*INT_MAX as long=%ld\n", total);
    printf("%d %d\n", INT_MAX > 0, INT_MIN < 0);
    printf("bits of int=%zu long=%zu\n", sizeof(int) * CHAR_BIT, sizeof(long) * CHAR_BIT);
    return 0;
}
