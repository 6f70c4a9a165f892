/* pins sizeof and offsetof of nested structs and unions, including member paths */
#include <stdio.h>
#include <stddef.h>

struct point { short x, y; };
union val { char c; int i; long l; char bytes[12]; };
struct shape {
    char kind;
    struct point origin;
    union val v;
    struct { char tag; int n; } meta;
    struct point pts[3];
};
union wide { struct point p; long long ll; char c[5]; };

int main(void)
{
    printf("point=%zu val=%zu shape=%zu wide=%zu\n", sizeof(struct point), sizeof(union val), sizeof(struct shape), sizeof(union wide));
    printf("kind@%zu origin@%zu origin.y@%zu\n", offsetof(struct shape, kind), offsetof(struct shape, origin), offsetof(struct shape, origin.y));
    printf("v@%zu v.bytes@%zu v.l@%zu\n", offsetof(struct shape, v), offsetof(struct shape, v.bytes), offsetof(struct shape, v.l));
    printf("meta@%zu meta.n@%zu\n", offsetof(struct shape, meta), offsetof(struct shape, meta.n));
    printf("pts@%zu pts[2]@%zu pts[1].y@%zu\n", offsetof(struct shape, pts), offsetof(struct shape, pts[2]), offsetof(struct shape, pts[1].y));
    printf("union members all at 0: %zu %zu %zu\n", offsetof(union val, c), offsetof(union val, i), offsetof(union val, bytes));
    struct shape s = { 'q', { 1, 2 }, { .i = 65 }, { 't', 9 }, { { 1, 1 }, { 2, 4 }, { 3, 9 } } };
    printf("s.kind=%c origin=(%d,%d) v.i=%d meta=%c/%d pts[2]=(%d,%d)\n", s.kind, s.origin.x, s.origin.y, s.v.i, s.meta.tag, s.meta.n, s.pts[2].x, s.pts[2].y);
    printf("sizeof s.pts=%zu sizeof s.meta=%zu\n", sizeof s.pts, sizeof s.meta);
    struct outer { union { int a; char b; } u; struct { long x; } in[2]; };
    printf("outer=%zu in@%zu\n", sizeof(struct outer), offsetof(struct outer, in));
    return 0;
}
