/* pins printf widths, precision, '-' and '0' flags, %5.3d, %.0d of zero, precision on strings */
#include <stdio.h>

int main(void)
{
    printf("[%5d] [%-5d] [%05d] [%1d]\n", 42, 42, 42, 12345);
    printf("[%5d] [%-5d] [%05d]\n", -42, -42, -42);
    printf("[%.3d] [%5.3d] [%-5.3d] [%.3d]\n", 7, 7, 7, -7);
    printf("[%.0d] [%5.0d] [%.0d]\n", 0, 0, 1);
    printf("[%.0u] [%.0x]\n", 0u, 0u);
    printf("[%8u] [%-8u] [%08u]\n", 123u, 123u, 123u);
    printf("[%8x] [%08X] [%-8x] [%.6x]\n", 0xbeefu, 0xbeefu, 0xbeefu, 0xbeefu);
    printf("[%6o] [%06o] [%.4o]\n", 8u, 8u, 8u);
    printf("[%10s] [%-10s] [%.3s] [%10.3s] [%-10.3s]\n", "hello", "hello", "hello", "hello", "hello");
    printf("[%.0s] [%.10s] [%3s]\n", "gone", "short", "toolong");
    printf("[%3c] [%-3c]\n", 'x', 'y');
    printf("[%12ld] [%-12ld] [%012ld]\n", -1234567L, -1234567L, -1234567L);
    printf("[%20lu] [%.15lu]\n", 1ul, 1ul);
    printf("[%5zu] [%-5zu] [%05zd]\n", (size_t)17, (size_t)17, (ssize_t)-17);
    printf("[%10p]\n", (void *)0);
    printf("[%-10p]\n", (void *)0);
    printf("[%lld] [%20lld]\n", -9223372036854775807LL - 1, 5LL);
    return 0;
}
