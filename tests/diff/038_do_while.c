/* pins do/while: body runs at least once, digit extraction, nested do, while with complex conditions */
#include <stdio.h>

static int digits(unsigned long v)
{
    int n = 0;
    do { n++; v /= 10; } while (v);
    return n;
}

int main(void)
{
    unsigned long vals[] = { 0, 9, 10, 12345, 18446744073709551615ul };
    for (int i = 0; i < 5; i++) printf("digits(%lu)=%d\n", vals[i], digits(vals[i]));
    int runs = 0;
    do runs++; while (0);
    printf("runs=%d\n", runs);
    char buf[32];
    int pos = 0;
    unsigned v = 0xBEEF;
    do {
        buf[pos++] = "0123456789abcdef"[v % 16];
        v /= 16;
    } while (v != 0);
    printf("reversed hex:");
    while (pos > 0) printf("%c", buf[--pos]);
    printf("\n");
    int i = 0, j;
    do {
        j = 0;
        do { printf("%d%d ", i, j); } while (++j < 2);
    } while (++i < 3);
    printf("\n");
    int k = 10;
    while (k --> 0 && k % 4 != 1) ;
    printf("k=%d\n", k);
    int collatz = 27, steps = 0;
    while (collatz != 1) {
        collatz = collatz % 2 ? 3 * collatz + 1 : collatz / 2;
        steps++;
    }
    printf("collatz steps=%d\n", steps);
    return 0;
}
