/* pins nested brace initializers, brace elision, arrays of structs with inner arrays */
#include <stdio.h>

struct pt { int x, y; };
struct seg { struct pt a, b; char name[4]; };

int main(void)
{
    struct seg s = { { 1, 2 }, { 3, 4 }, "ab" };
    printf("%d %d %d %d %s\n", s.a.x, s.a.y, s.b.x, s.b.y, s.name);
    struct seg e = { { 5, 6 }, { 7, 8 }, { 'x', 'y' } };
    printf("%d %d %d %d %s\n", e.a.x, e.a.y, e.b.x, e.b.y, e.name);
    struct pt pts[3] = { { 1, 1 }, { 2, 4 }, { 3, 9 } };
    for (int i = 0; i < 3; i++) printf("(%d,%d)", pts[i].x, pts[i].y);
    printf("\n");
    int m[2][3] = { { 1, 2, 3 }, { 4, 5, 6 } };
    int flat[2][3] = { { 1, 2, 3 }, { 4, 5, 6, } };
    int same = 1;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++) same &= m[i][j] == flat[i][j];
    printf("same=%d\n", same);
    int ragged[3][3] = { { 1 }, { 2, 3 }, { 4, 5, 6 } };
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", ragged[i][0], ragged[i][1], ragged[i][2]);
    struct seg list[2] = { { { 1, 2 }, { 3, 4 }, "s1" }, { { 5, 6 }, { 7, 8 }, "s2" } };
    printf("%s %d %s %d\n", list[0].name, list[0].b.y, list[1].name, list[1].a.x);
    int auto_len[] = { 9, 8, 7, 6, };
    printf("auto_len=%zu\n", sizeof auto_len / sizeof auto_len[0]);
    struct pt unsized[] = { { 1, 2 }, { 3, 4 }, { 5, 6 } };
    printf("unsized=%zu\n", sizeof unsized / sizeof unsized[0]);
    union u { int i; char c[4]; } un = { 0x01020304 };
    printf("union first member init: %d c0=%d\n", un.i, un.c[0]);
    int scalar_braces = { 42 };
    printf("scalar_braces=%d\n", scalar_braces);
    int x = 3, y = x * 2;
    int arr_expr[3] = { x, y, x + y };
    printf("arr_expr=%d %d %d\n", arr_expr[0], arr_expr[1], arr_expr[2]);
    return 0;
}
