/* Loop-heavy, single process: the interpreter benchmark (`ipcsim bench`).
   A sieve, Collatz chain lengths and a string hash: arithmetic, arrays,
   pointers and calls, and almost no output. */
#include <stdio.h>
#include <string.h>

#define N 100000

static char composite[N + 1];

static int sieve(void) {
    int count = 0;
    for (int i = 2; i <= N; i++) {
        if (composite[i])
            continue;
        count++;
        for (long j = (long)i * i; j <= N; j += i)
            composite[j] = 1;
    }
    return count;
}

static int collatz(long n) {
    int steps = 0;
    while (n != 1) {
        n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
        steps++;
    }
    return steps;
}

static unsigned hash(const char *s) {
    unsigned h = 2166136261u;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}

int main(void) {
    int longest = 0;
    long at = 0;
    for (long n = 1; n < 30000; n++) {
        int c = collatz(n);
        if (c > longest) {
            longest = c;
            at = n;
        }
    }
    char buf[64];
    unsigned h = 0;
    for (int i = 0; i < 2000; i++) {
        snprintf(buf, sizeof buf, "item-%d", i);
        h ^= hash(buf) + (unsigned)strlen(buf);
    }
    printf("primes=%d collatz=%ld:%d hash=%u\n", sieve(), at, longest, h);
    return 0;
}
