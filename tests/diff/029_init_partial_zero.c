/* pins partial initialization: remaining members and elements are zero, locals and statics */
#include <stdio.h>

struct rec { int a; long b; char c; char name[8]; int *p; };

int main(void)
{
    int a[10] = { 1, 2, 3 };
    int sum = 0;
    for (int i = 0; i < 10; i++) sum += a[i];
    printf("sum=%d a[3]=%d a[9]=%d\n", sum, a[3], a[9]);
    int z[5] = { 0 };
    printf("z: %d %d %d %d %d\n", z[0], z[1], z[2], z[3], z[4]);
    struct rec r = { .a = 7 };
    printf("r: %d %ld %d %d %d null=%d\n", r.a, r.b, r.c, r.name[0], r.name[7], r.p == NULL);
    struct rec r2 = { .a = 1, 2, 'c', "ab" };
    printf("r2: %d %ld %c %s name[2..7]=%d%d%d%d%d%d\n", r2.a, r2.b, r2.c, r2.name,
           r2.name[2], r2.name[3], r2.name[4], r2.name[5], r2.name[6], r2.name[7]);
    char buf[8] = "hi";
    int zeros = 0;
    for (int i = 0; i < 8; i++) zeros += buf[i] == 0;
    printf("buf zeros=%d\n", zeros);
    int m[3][4] = { { 1 }, { 0, 2 } };
    int nz = 0;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++) nz += m[i][j] != 0;
    printf("m nonzero=%d\n", nz);
    static int st[4];
    static struct rec sr;
    printf("static: %d %d %ld %d\n", st[0], st[3], sr.b, sr.p == NULL);
    struct rec arr[3] = { { .a = 1 }, [2] = { .c = 'z' } };
    printf("arr: %d %d %d %c\n", arr[0].a, arr[1].a, arr[2].a, arr[2].c);
    long big[100] = { [99] = 1 };
    long acc = 0;
    for (int i = 0; i < 100; i++) acc += big[i];
    printf("big acc=%ld\n", acc);
    return 0;
}
