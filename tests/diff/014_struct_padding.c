/* pins struct padding, alignment and offsetof for mixed-width members */
#include <stdio.h>
#include <stddef.h>

struct a { char c; int i; };
struct b { char c; long l; char d; };
struct c { char c1; char c2; short s; int i; };
struct d { int i; char c; };
struct e { long l; char c; };
struct f { char c[3]; };
struct g { short s; char c; };
struct h { char c; long long ll; short s; };
struct i { int a[3]; char c; };
struct j { char c; struct d in; char e; };

int main(void)
{
    printf("a: size=%zu c@%zu i@%zu\n", sizeof(struct a), offsetof(struct a, c), offsetof(struct a, i));
    printf("b: size=%zu l@%zu d@%zu\n", sizeof(struct b), offsetof(struct b, l), offsetof(struct b, d));
    printf("c: size=%zu c2@%zu s@%zu i@%zu\n", sizeof(struct c), offsetof(struct c, c2), offsetof(struct c, s), offsetof(struct c, i));
    printf("d: size=%zu\n", sizeof(struct d));
    printf("e: size=%zu\n", sizeof(struct e));
    printf("f: size=%zu\n", sizeof(struct f));
    printf("g: size=%zu\n", sizeof(struct g));
    printf("h: size=%zu ll@%zu s@%zu\n", sizeof(struct h), offsetof(struct h, ll), offsetof(struct h, s));
    printf("i: size=%zu c@%zu\n", sizeof(struct i), offsetof(struct i, c));
    printf("j: size=%zu in@%zu e@%zu\n", sizeof(struct j), offsetof(struct j, in), offsetof(struct j, e));
    struct b arr[4];
    printf("arr of b: %zu, elems=%zu\n", sizeof arr, sizeof arr / sizeof arr[0]);
    printf("ptrdiff arr[3]-arr[0] bytes=%zu\n", (size_t)((char *)&arr[3] - (char *)&arr[0]));
    struct al_i { char c; int x; };
    struct al_l { char c; long x; };
    struct al_s { char c; short x; };
    struct al_b { char c; struct b x; };
    printf("align int=%zu long=%zu short=%zu struct b=%zu\n", offsetof(struct al_i, x),
           offsetof(struct al_l, x), offsetof(struct al_s, x), offsetof(struct al_b, x));
    return 0;
}
