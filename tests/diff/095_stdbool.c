/* pins bool/_Bool: conversion of any nonzero to 1 (incl. pointers and large values), arithmetic, true/false */
#include <stdio.h>
#include <stdbool.h>

static bool is_prime(int n)
{
    if (n < 2) return false;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0) return false;
    return true;
}

int main(void)
{
    bool t = true, f = false;
    printf("true=%d false=%d sizeof=%zu\n", t, f, sizeof(bool));
    bool b1 = 42, b2 = -1, b3 = 0x100, b4 = 0;
    printf("42->%d -1->%d 0x100->%d 0->%d\n", b1, b2, b3, b4);
    long big = 1L << 40;
    bool b5 = big;
    unsigned char truncated = (unsigned char)big;     /* 0: contrast with bool */
    printf("1<<40 -> bool %d, uchar %d\n", b5, truncated);
    int x;
    int *px = &x;
    bool bp = px;
    char *np = NULL;
    bool bn = np;
    printf("ptr->%d null->%d\n", bp, bn);
    bool acc = false;
    acc += 5;
    printf("acc+=5 -> %d\n", acc);
    acc = !acc;
    printf("!acc -> %d\n", acc);
    _Bool raw = 3;
    raw += 1;
    printf("_Bool += 1 -> %d\n", raw);
    int count = 0;
    for (int n = 0; n < 50; n++) count += is_prime(n);
    printf("primes below 50: %d\n", count);
    printf("true+true=%d\n", true + true);
    bool flags[5] = { [1] = true, [3] = 7 };
    for (int i = 0; i < 5; i++) printf("%d", flags[i]);
    printf("\n");
    return 0;
}
