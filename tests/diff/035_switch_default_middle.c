/* pins default placed in the middle or first, fall-through into and out of default, negative and char cases */
#include <stdio.h>

static void classify(int v)
{
    switch (v) {
    case -5:
        printf("minus five ");
        /* fall through */
    default:
        printf("default ");
        /* fall through */
    case 100:
        printf("hundred ");
        break;
    case 0:
        printf("zero ");
    }
    printf("| %d\n", v);
}

static int first_default(int v)
{
    int r = 0;
    switch (v) {
    default: r += 1;
        /* fall through */
    case 1: r += 10;
        break;
    case 2: r += 100;
    }
    return r;
}

int main(void)
{
    int vals[] = { -5, 0, 7, 100, -1 };
    for (int i = 0; i < 5; i++) classify(vals[i]);
    for (int v = 0; v < 4; v++) printf("first_default(%d)=%d\n", v, first_default(v));
    unsigned char c = 200;
    switch (c) {
    case 200: printf("uchar 200 matched\n"); break;
    default: printf("no match\n");
    }
    long big = 5000000000L;
    switch (big) {
    case 5000000000L: printf("long case matched\n"); break;
    default: printf("long no\n");
    }
    switch ('b') {
    case 'a' + 1: printf("constant expression case\n"); break;
    }
    return 0;
}
