/* accepts: function-like macros with nested parentheses and commas inside parens in arguments, macro calling macro, name without ( not expanded */
#include <stdio.h>

#define ADD(a, b) ((a) + (b))
#define TWICE(x) ADD(x, x)
#define F(x) (x * 10)

static int pair(int a, int b) { return a * b; }

int main(void)
{
    int F = 3;
    printf("%d %d %d %d\n", ADD(pair(2, 3), (pair(1, 4))), TWICE(ADD(1, (2))), F(F), F);
    return 0;
}
