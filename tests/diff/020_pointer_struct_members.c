/* pins pointers to struct members, -> vs (*p)., address of members and nested members */
#include <stdio.h>
#include <stddef.h>

struct inner { int a; int b[3]; };
struct outer { char tag; struct inner in; struct inner *link; };

static void bump(int *v) { (*v)++; }

int main(void)
{
    struct inner other = { 7, { 8, 9, 10 } };
    struct outer o = { 'x', { 1, { 2, 3, 4 } }, &other };
    struct outer *po = &o;
    printf("%c %d %d\n", po->tag, (*po).in.a, po->in.b[2]);
    printf("link: %d %d\n", po->link->a, (*po->link).b[0]);
    int *pa = &po->in.a;
    int *pb = po->in.b;
    bump(pa);
    bump(&pb[1]);
    bump(&po->link->b[2]);
    printf("after bump: %d %d %d\n", o.in.a, o.in.b[1], other.b[2]);
    char *base = (char *)&o;
    int *via = (int *)(base + offsetof(struct outer, in) + offsetof(struct inner, b));
    printf("via offsetof: %d\n", via[2]);
    struct inner *pi = &o.in;
    pi->b[0] += 40;
    printf("o.in.b[0]=%d\n", o.in.b[0]);
    printf("member ptr order: %d %d\n", (void *)&o.tag < (void *)&o.in, &o.in.b[0] < &o.in.b[2]);
    struct inner arr[2] = { { 1, { 1, 1, 1 } }, { 2, { 2, 2, 2 } } };
    struct inner *pe = arr;
    (pe + 1)->a = 20;
    pe++->b[1] = 50;
    printf("arr: %d %d %d, pe->a=%d\n", arr[0].b[1], arr[1].a, arr[1].b[1], pe->a);
    char *tp = &po->tag;
    *tp = 'y';
    printf("tag=%c\n", o.tag);
    return 0;
}
