/* pins a sieve of Eratosthenes over a char array, prime counting and prime gaps */
#include <stdio.h>
#include <string.h>

#define N 10000

static char composite[N + 1];

int main(void)
{
    memset(composite, 0, sizeof composite);
    composite[0] = composite[1] = 1;
    for (int i = 2; i * i <= N; i++)
        if (!composite[i])
            for (int j = i * i; j <= N; j += i) composite[j] = 1;
    int count = 0, last = 0, max_gap = 0, gap_at = 0;
    long sum = 0;
    for (int i = 2; i <= N; i++) {
        if (composite[i]) continue;
        count++;
        sum += i;
        if (last && i - last > max_gap) { max_gap = i - last; gap_at = last; }
        last = i;
    }
    printf("primes<=%d: %d sum=%ld largest=%d\n", N, count, sum, last);
    printf("max gap %d after %d\n", max_gap, gap_at);
    printf("first 15:");
    for (int i = 0, k = 0; k < 15; i++)
        if (!composite[i]) { printf(" %d", i); k++; }
    printf("\n");
    int twins = 0;
    for (int i = 3; i + 2 <= N; i += 2) twins += !composite[i] && !composite[i + 2];
    printf("twin pairs=%d\n", twins);
    return 0;
}
