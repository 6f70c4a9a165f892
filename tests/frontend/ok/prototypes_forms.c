/* accepts: prototypes with unnamed parameters, (void) parameter lists, prototype repeated, definition after use, const params */
#include <stdio.h>

int scale(int, const char *);
int scale(int n, const char *tag);
static void noop(void);

int main(void)
{
    noop();
    printf("%d\n", scale(4, "x"));
    return 0;
}

int scale(int n, const char *const tag) { return n * (tag[0] == 'x' ? 10 : 1); }
static void noop(void) { }
