/* pins typedef of structs, pointers, arrays, scalars, and self-referential typedef'd structs */
#include <stdio.h>
#include <stdlib.h>

typedef unsigned long ulong_t;
typedef int vec3[3];
typedef char *string;
typedef struct node { int val; struct node *next; } node_t;
typedef node_t *node_ptr;
typedef struct { int w, h; } dims;
typedef dims *dims_ptr;
typedef vec3 mat3[3];
typedef const char *cstr;

static int dot(const vec3 a, const vec3 b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

static node_ptr push(node_ptr head, int v)
{
    node_ptr n = malloc(sizeof *n);
    n->val = v;
    n->next = head;
    return n;
}

int main(void)
{
    ulong_t big = 1ul << 50;
    vec3 a = { 1, 2, 3 }, b = { 4, 5, 6 };
    printf("big=%lu dot=%d sizeof vec3=%zu\n", big, dot(a, b), sizeof(vec3));
    char buf[] = "typed";
    string s = buf;
    s[0] = 'T';
    printf("%s sizeof string=%zu\n", s, sizeof(string));
    node_ptr head = NULL;
    for (int i = 1; i <= 4; i++) head = push(head, i * i);
    for (node_t *p = head; p; p = p->next) printf("%d ", p->val);
    printf("\n");
    while (head) { node_ptr n = head->next; free(head); head = n; }
    dims d = { 3, 4 };
    dims_ptr dp = &d;
    dp->w *= 10;
    printf("dims %d x %d sizeof=%zu\n", d.w, d.h, sizeof(dims));
    mat3 m = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
    printf("mat3 sizeof=%zu m[1][1]=%d\n", sizeof(mat3), m[1][1]);
    cstr names[2] = { "x", "y" };
    printf("%s%s\n", names[0], names[1]);
    typedef int local_int;
    local_int li = 9;
    printf("li=%d\n", li);
    return 0;
}
