/* accepts: struct and union types declared inside a function body, and a struct declared in a nested block */
#include <stdio.h>

int main(void)
{
    struct local { int a; char b; } x = { 1, 'q' };
    union lu { int i; char c; } u = { 65 };
    { struct local2 { long z; } y = { 7 }; printf("%ld ", y.z); }
    printf("%d %c %c %zu\n", x.a, x.b, u.c, sizeof(struct local));
    return 0;
}
