/* pins every compound assignment operator on int, unsigned, char, pointer operands */
#include <stdio.h>

int main(void)
{
    int a = 100;
    a += 5; printf("+= %d\n", a);
    a -= 20; printf("-= %d\n", a);
    a *= 3; printf("*= %d\n", a);
    a /= 7; printf("/= %d\n", a);
    a %= 10; printf("%%= %d\n", a);
    a <<= 4; printf("<<= %d\n", a);
    a >>= 2; printf(">>= %d\n", a);
    a &= 0x1C; printf("&= %d\n", a);
    a |= 0x41; printf("|= %d\n", a);
    a ^= 0xFF; printf("^= %d\n", a);
    unsigned u = 5;
    u -= 10; printf("u -= %u\n", u);
    u *= 2; printf("u *= %u\n", u);
    u >>= 28; printf("u >>= %u\n", u);
    unsigned char c = 250;
    c += 10; printf("uc += %d\n", c);
    c *= 3; printf("uc *= %d\n", c);
    c <<= 3; printf("uc <<= %d\n", c);
    signed char sc = 100;
    sc += 100; printf("sc += %d\n", sc);       /* converted back: wraps (gcc) */
    short s = -7;
    s /= 2; printf("short /= %d\n", s);
    s %= 2; printf("short %%= %d\n", s);
    int arr[6] = { 0, 1, 2, 3, 4, 5 };
    int *p = arr;
    p += 4; printf("p += 4 -> %d\n", *p);
    p -= 3; printf("p -= 3 -> %d\n", *p);
    int i = 0;
    arr[i++] += 10;                            /* lvalue evaluated once */
    printf("arr[0]=%d i=%d\n", arr[0], i);
    int x = 2;
    x *= 3;
    x += x;                                    /* rhs read before store */
    printf("x=%d\n", x);
    long l = 1;
    l <<= 40; l += 1; l |= 2;
    printf("l=%ld\n", l);
    int d = 17;
    d /= -5; printf("d=%d\n", d);
    int m = -17;
    m %= 5; printf("m=%d\n", m);
    return 0;
}
