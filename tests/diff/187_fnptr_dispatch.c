/* Function pointers: a global initialized table, typedef'd pointer types, (*fp)(x) and fp(x)
   calls, pointers passed as arguments and returned from functions, struct members,
   comparisons with NULL and with each other, and arrays of pointers indexed in a loop. */
#include <stdio.h>
#include <string.h>

typedef int (*unop)(int);
typedef int (*binop)(int, int);

static int twice(int x) { return 2 * x; }
static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static const struct { const char *name; binop fn; } ops[] = {
    {"add", add}, {"sub", sub}, {"mul", mul}, {"none", NULL},
};
unop table[3] = {twice, square, negate};

static int apply(unop f, int x) { return f(x); }
static int apply_n(int (*f)(int), int n, int x) {
    while (n-- > 0)
        x = (*f)(x);
    return x;
}
static unop pick(const char *name) {
    if (strcmp(name, "twice") == 0) return twice;
    if (strcmp(name, "square") == 0) return &square;
    return NULL;
}
/* A function returning a pointer to a function, without a typedef. */
static int (*pick2(int i))(int, int) { return ops[i].fn; }

struct machine { const char *label; unop step; binop combine; };

static int run(const struct machine *m, int a, int b) { return m->combine(m->step(a), (*m->step)(b)); }

int main(void) {
    for (int i = 0; i < 3; i++)
        printf("table[%d](7) = %d %d\n", i, table[i](7), (*table[i])(7));
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        if (ops[i].fn == NULL) { printf("%s: null\n", ops[i].name); continue; }
        printf("%s(9, 4) = %d\n", ops[i].name, ops[i].fn(9, 4));
    }
    printf("apply = %d, apply_n = %d\n", apply(square, 5), apply_n(twice, 10, 1));
    unop f = pick("twice"), g = pick("square"), h = pick("cube");
    printf("pick: %d %d %s\n", f(3), g(3), h == NULL ? "NULL" : "non-null");
    printf("f == twice: %d, f == g: %d, g == table[1]: %d, f != h: %d\n",
           f == twice, f == g, g == table[1], f != h);
    printf("pick2(2)(6, 7) = %d, same as mul: %d\n", pick2(2)(6, 7), pick2(2) == mul);
    struct machine m = {"sq+", square, add}, n = {.label = "neg*", .step = negate, .combine = mul};
    printf("%s %d, %s %d\n", m.label, run(&m, 3, 4), n.label, run(&n, 3, 4));
    m.combine = n.combine;
    printf("swapped: %d, same: %d\n", run(&m, 3, 4), m.combine == n.combine);
    binop *bp = &m.combine;
    printf("through pointer to pointer: %d\n", (*bp)(5, 6));
    unop arr[] = {negate, twice, twice, square};
    int x = 3;
    for (int i = 0; i < 4; i++) x = arr[i](x);
    printf("chain = %d\n", x);
    int (*cond)(int) = x > 0 ? twice : negate;
    printf("cond = %d\n", cond(x));
    return ops[3].fn == 0 ? 0 : 1;
}
