/* accepts: sizeof(int) * 2, sizeof x, sizeof *p, sizeof(x) + 1, sizeof(char[10]), sizeof(int *), sizeof(int[3][4]), sizeof sizeof x */
#include <stdio.h>

int main(void)
{
    int x = 0, *p = &x;
    size_t a = sizeof(int) * 2, b = sizeof x, c = sizeof *p, d = sizeof(x) + 1;
    size_t e = sizeof(char[10]), f = sizeof(int *), g = sizeof(int[3][4]), h = sizeof sizeof x;
    size_t i = sizeof(struct { char c; int n; }), j = sizeof(x + 1L), k = sizeof -x;
    printf("%zu %zu %zu %zu %zu %zu %zu %zu %zu %zu %zu\n", a, b, c, d, e, f, g, h, i, j, k);
    return 0;
}
