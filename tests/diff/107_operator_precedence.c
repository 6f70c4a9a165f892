/* pins operator precedence and associativity: shifts vs +, & vs ==, unary vs postfix, assignment chains */
#include <stdio.h>

int main(void)
{
    int a = 6, b = 3, c = 2;
    printf("a+b*c=%d (a+b)*c=%d a-b-c=%d a/b/c=%d\n", a + b * c, (a + b) * c, a - b - c, a / b / c);
    printf("a&b<<1=%d (a&b)<<1=%d\n", a & b << 1, (a & b) << 1);
    printf("a*b%%4=%d a*(b%%4)=%d\n", a * b % 4, a * (b % 4));
    printf("(a&b)==b=%d a|(b^(c&a))=%d\n", (a & b) == b, a | (b ^ (c & a)));
    printf("-a%%4=%d -(a%%4)=%d\n", -a % 4, -(a % 4));
    printf("!a==0=%d ~a+1=%d\n", !a == 0, ~a + 1);
    int x, y, z;
    x = y = z = 7;
    printf("chain: %d %d %d\n", x, y, z);
    x += y -= z = 2;
    printf("compound chain: x=%d y=%d z=%d\n", x, y, z);
    int arr[4] = { 10, 20, 30, 40 };
    int *p = arr;
    printf("*p+1=%d *(p+1)=%d\n", *p + 1, *(p + 1));
    int r = *p++ + 5;
    printf("*p++ + 5=%d now *p=%d\n", r, *p);
    r = ++*p;
    printf("++*p=%d arr[1]=%d\n", r, arr[1]);
    r = -arr[2];
    printf("-arr[2]=%d sizeof arr[0]*2=%zu\n", r, sizeof arr[0] * 2);
    int t;
    printf("t = a == b: %d\n", t = a == b);
    printf("a + b > c * 4: %d  -a * -b: %d  a - -b: %d\n", a + b > c * 4, -a * -b, a - -b);
    printf("sizeof a + 1=%zu  (char)a + 300=%d\n", sizeof a + 1, (char)a + 300);
    printf("ternary assoc: %d\n", a > b ? b > c ? 1 : 2 : 3);
    int q = 5;
    q = q++ > 5 ? 100 : 200;
    printf("q=%d\n", q);
    unsigned m = 0xF0;
    printf("m>>4&0x3=%u m>>(4&3)=%u\n", m >> 4 & 0x3, m >> (4 & 3));
    char s[] = "abc";
    char *sp = s;
    char ch;
    int n = 0;
    while ((ch = *sp++) != '\0') n += ch;
    printf("sum chars=%d\n", n);
    return 0;
}
