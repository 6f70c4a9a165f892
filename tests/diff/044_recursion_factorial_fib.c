/* pins recursion: factorial, naive and memoized fibonacci, recursive gcd, binary search, power set count */
#include <stdio.h>

static unsigned long fact(unsigned n) { return n <= 1 ? 1 : n * fact(n - 1); }
static int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }

static long memo[91];
static long fibm(int n)
{
    if (n < 2) return n;
    if (memo[n]) return memo[n];
    return memo[n] = fibm(n - 1) + fibm(n - 2);
}

static int gcd(int a, int b) { return b == 0 ? a : gcd(b, a % b); }

static int bsearch_rec(const int *a, int lo, int hi, int key)
{
    if (lo > hi) return -1;
    int mid = lo + (hi - lo) / 2;
    if (a[mid] == key) return mid;
    return a[mid] < key ? bsearch_rec(a, mid + 1, hi, key) : bsearch_rec(a, lo, mid - 1, key);
}

static int depth(int n) { return n == 0 ? 0 : 1 + depth(n - 1); }

static void hanoi(int n, char from, char to, char via, int *moves)
{
    if (n == 0) return;
    hanoi(n - 1, from, via, to, moves);
    if (n == 3) printf("move disk 3 %c->%c\n", from, to);
    (*moves)++;
    hanoi(n - 1, via, to, from, moves);
}

int main(void)
{
    for (unsigned i = 0; i <= 20; i += 5) printf("%u! = %lu\n", i, fact(i));
    for (int i = 0; i <= 20; i += 4) printf("fib(%d)=%d\n", i, fib(i));
    printf("fibm(90)=%ld\n", fibm(90));
    printf("gcd(1071,462)=%d gcd(17,5)=%d\n", gcd(1071, 462), gcd(17, 5));
    int sorted[] = { 1, 3, 5, 7, 9, 11, 13 };
    printf("search 11=%d search 4=%d\n", bsearch_rec(sorted, 0, 6, 11), bsearch_rec(sorted, 0, 6, 4));
    printf("depth(10000)=%d\n", depth(10000));
    int moves = 0;
    hanoi(5, 'A', 'C', 'B', &moves);
    printf("hanoi moves=%d\n", moves);
    return 0;
}
