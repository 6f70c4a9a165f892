/* pins static functions, prototypes, functions returning pointers and structs, void functions, early return */
#include <stdio.h>
#include <string.h>

static int square(int x);
static void greet(const char *name);
static char *find_char(char *s, char c);
static int classify(int v);

int main(void)
{
    printf("square(9)=%d\n", square(9));
    greet("ipcsim");
    greet("");
    char buf[] = "find the x here";
    char *p = find_char(buf, 'x');
    printf("found at %ld: %s\n", p - buf, p);
    printf("missing: %d\n", find_char(buf, 'q') == NULL);
    for (int v = -2; v <= 2; v++) printf("classify(%d)=%d\n", v, classify(v));
    return 0;
}

static int square(int x) { return x * x; }

static void greet(const char *name)
{
    if (strlen(name) == 0) {
        printf("hello, nobody\n");
        return;
    }
    printf("hello, %s\n", name);
}

static char *find_char(char *s, char c)
{
    for (; *s; s++)
        if (*s == c) return s;
    return NULL;
}

static int classify(int v)
{
    if (v < 0) return -1;
    else if (v == 0) return 0;
    return square(v) + 100;
}
