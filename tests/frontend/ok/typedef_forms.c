/* accepts: typedef of arrays, pointers, structs, typedef name shadowed by a local variable, typedef in block scope */
#include <stdio.h>

typedef int triple[3];
typedef char *str;
typedef struct { int w; } box, *box_ptr;

int main(void)
{
    triple t = { 1, 2, 3 };
    box b = { 4 };
    box_ptr bp = &b;
    char buf[] = "s";
    str s = buf;
    { typedef long wide; wide w = 6; int triple = 7; printf("%ld %d ", w, triple); }
    printf("%d %d %s %zu\n", t[2], bp->w, s, sizeof(triple));
    return 0;
}
