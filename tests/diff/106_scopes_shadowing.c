/* pins block scoping: shadowing in nested blocks, loop bodies, lifetime of block locals re-initialized each entry */
#include <stdio.h>

int v = 1;

static int get_v(void) { return v; }

int main(void)
{
    printf("global v=%d\n", v);
    int v = 2;
    printf("main v=%d get_v=%d\n", v, get_v());
    {
        int v = 3;
        printf("block v=%d\n", v);
        {
            v++;
            int v = 10;
            printf("inner v=%d\n", v);
        }
        printf("block v after=%d\n", v);
    }
    printf("main v after=%d\n", v);
    for (int i = 0; i < 3; i++) {
        int fresh = 5;
        fresh += i;
        int v = i * 100;
        printf("iter %d fresh=%d v=%d\n", i, fresh, v);
    }
    if (v == 2) {
        int v = 42;
        printf("if-block v=%d\n", v);
    } else {
        int v = 43;
        printf("else-block v=%d\n", v);
    }
    int total = 0;
    for (int i = 0; i < 3; i++)
        for (int i2 = 0; i2 < 2; i2++) {
            int i = 7;                      /* shadows the outer loop variable */
            total += i + i2;
        }
    printf("total=%d v=%d\n", total, v);
    struct v { int v; } sv = { 9 };          /* tag namespace vs ordinary identifiers */
    printf("struct v.v=%d\n", sv.v);
    return 0;
}
