/* accepts: casts (T)(x), (T)-x, nested casts, parenthesised expressions (x), typedef-name casts vs variables */
#include <stdio.h>

typedef unsigned char byte;

int main(void)
{
    int x = 300, y = 7;
    long l = (long)(x) * (y);
    byte b = (byte)(x);
    int neg = (int)-1 + (x) - (y);
    unsigned u = (unsigned)(int)(char)-1;
    printf("%ld %d %d %u %d\n", l, b, neg, u, (int)(byte)~0);
    return 0;
}
