/* pins integer promotions: char/short operands promote to int before arithmetic */
#include <stdio.h>

int main(void)
{
    unsigned char a = 200, b = 100;
    int sum = a + b;                 /* 300: promoted, no wrap */
    unsigned char wrapped = a + b;   /* stored back: 44 */
    printf("sum=%d wrapped=%d\n", sum, wrapped);

    unsigned short s1 = 65535, s2 = 2;
    printf("ushort mul=%d\n", s1 * s2);          /* int 131070 */
    unsigned short sw = s1 + s2;
    printf("ushort stored=%d\n", sw);            /* 1 */

    signed char sc = -128;
    printf("neg sc=%d\n", -sc);                  /* 128, int */
    printf("~uc=%d\n", ~a);                      /* ~200 as int = -201 */
    printf("uc>>1<<1 %d\n", (unsigned char)(a << 1)); /* 144 */
    printf("a<<1=%d\n", a << 1);                 /* 400 */

    char c = 'A';
    printf("sizeof(c+0)=%zu sizeof(c)=%zu\n", sizeof(c + 0), sizeof c);
    printf("sizeof(+s1)=%zu sizeof(s1)=%zu\n", sizeof(+s1), sizeof s1);
    printf("sizeof(a*b)=%zu\n", sizeof(a * b));

    unsigned char x = 0;
    x--;
    printf("uc dec=%d\n", x);                   /* 255 */
    x++;
    printf("uc inc=%d\n", x);                   /* 0 */

    short sh = 30000;
    int prod = sh * 2;                          /* 60000 in int */
    short shs = (short)(sh * 2);                /* wraps to -5536 */
    printf("prod=%d shs=%d\n", prod, shs);

    /* unsigned char compares as int */
    unsigned char m = 255;
    signed char n = -1;
    printf("m==n:%d m>n:%d\n", m == n, m > n);
    printf("(signed char)m==n:%d\n", (signed char)m == n);
    return 0;
}
