/* pins mutual recursion through prototypes: is_even/is_odd and a recursive-descent expression parser */
#include <stdio.h>

static int is_even(unsigned n);
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static const char *src;
static int expr(void);
static int term(void);
static int factor(void);

static int factor(void)
{
    if (*src == '(') { src++; int v = expr(); src++; return v; }
    if (*src == '-') { src++; return -factor(); }
    int v = 0;
    while (*src >= '0' && *src <= '9') v = v * 10 + (*src++ - '0');
    return v;
}

static int term(void)
{
    int v = factor();
    while (*src == '*' || *src == '/' || *src == '%') {
        char op = *src++;
        int r = factor();
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
    }
    return v;
}

static int expr(void)
{
    int v = term();
    while (*src == '+' || *src == '-') {
        char op = *src++;
        int r = term();
        v = op == '+' ? v + r : v - r;
    }
    return v;
}

static int eval(const char *s) { src = s; return expr(); }

int main(void)
{
    printf("even(10)=%d odd(10)=%d even(7)=%d odd(7)=%d\n", is_even(10), is_odd(10), is_even(7), is_odd(7));
    printf("odd(1001)=%d\n", is_odd(1001));
    const char *tests[] = { "1+2*3", "(1+2)*3", "100/7%4", "-(3-10)*2", "2*(3+(4-1)*5)-6/4", "((((7))))" };
    for (int i = 0; i < 6; i++) printf("%s = %d\n", tests[i], eval(tests[i]));
    return 0;
}
