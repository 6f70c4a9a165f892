/* A tiny stack calculator: commands are parsed from a script string with
   sscanf and dispatched through a table of {name, function pointer}. */
#include <stdio.h>
#include <string.h>

#define MAXS 16
static int stack[MAXS], sp = 0;

static int push(int v) { if (sp == MAXS) return -1; stack[sp++] = v; return 0; }
static int pop(int *v) { if (sp == 0) return -1; *v = stack[--sp]; return 0; }

static int binop(int (*f)(int, int))
{
    int a, b;
    if (pop(&b) || pop(&a)) return -1;
    return push(f(a, b));
}
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int mod(int a, int b) { return b ? a % b : 0; }

static int do_add(void) { return binop(add); }
static int do_sub(void) { return binop(sub); }
static int do_mul(void) { return binop(mul); }
static int do_mod(void) { return binop(mod); }
static int do_dup(void) { int v; if (pop(&v)) return -1; push(v); return push(v); }
static int do_print(void) { if (!sp) return -1; printf("top = %d\n", stack[sp - 1]); return 0; }

struct command { const char *name; int (*run)(void); };
static const struct command table[] = {
    {"add", do_add}, {"sub", do_sub}, {"mul", do_mul}, {"mod", do_mod},
    {"dup", do_dup}, {"print", do_print},
};

static int execute(const char *word)
{
    int v;
    if (sscanf(word, "%d", &v) == 1) return push(v);
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (strcmp(table[i].name, word) == 0) return table[i].run();
    printf("unknown command '%s'\n", word);
    return -1;
}

int main(void)
{
    const char *script = "3 4 add print dup mul print 5 sub print 7 mod print frob 2 mul print add";
    char word[32];
    int off = 0, n, errors = 0, count = 0;
    while (sscanf(script + off, "%31s%n", word, &n) == 1) {
        off += n;
        count++;
        if (execute(word) != 0) { errors++; printf("error at word %d (%s)\n", count, word); }
    }
    printf("%d words, %d errors, stack depth %d\n", count, errors, sp);
    int (*ops[])(int, int) = {add, sub, mul, mod};
    const char sym[] = "+-*%";
    for (int i = 0; i < 4; i++)
        printf("17 %c 5 = %d\n", sym[i], ops[i](17, 5));
    return 0;
}
