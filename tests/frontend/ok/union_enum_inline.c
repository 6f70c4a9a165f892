/* accepts: anonymous enum and union types declared inline in a variable declaration, and as struct members */
#include <stdio.h>

struct tagged { enum { INT, STR } kind; union { int i; const char *s; } as; };

int main(void)
{
    enum { A, B, C } e = C;
    union { int i; unsigned char b[4]; } u = { 0x0a0b0c0d };
    struct tagged t = { STR, { .s = "text" } };
    printf("%d %d %d %s\n", e, u.b[0], t.kind, t.as.s);
    return 0;
}
