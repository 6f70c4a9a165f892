/* pins printf '*' widths and '.*' precisions from arguments, including negative values */
#include <stdio.h>

int main(void)
{
    for (int w = 0; w <= 6; w += 3) printf("[%*d]\n", w, 42);
    printf("[%*d]\n", -6, 42);             /* negative width: left-justify */
    printf("[%-*d]\n", 6, 42);
    printf("[%-*d]\n", -6, 42);
    printf("[%.*d]\n", 5, 42);
    printf("[%.*d]\n", -1, 42);            /* negative precision: as if omitted */
    printf("[%.*d]\n", 0, 0);
    printf("[%*.*d]\n", 8, 4, 7);
    printf("[%*.*d]\n", -8, 4, 7);
    printf("[%.*s]\n", 3, "abcdef");
    printf("[%.*s]\n", -3, "abcdef");
    printf("[%.*s]\n", 0, "abcdef");
    printf("[%*s]\n", 8, "right");
    printf("[%*s]\n", -8, "left");
    printf("[%*.*s]\n", 6, 2, "xyz");
    printf("[%0*d]\n", 7, -42);
    printf("[%*c]\n", 4, 'c');
    printf("[%*u] [%*x]\n", 5, 9u, -5, 255u);
    const char *names[] = { "a", "bbb", "cc" };
    for (int i = 0; i < 3; i++) printf("%-*s|%*d\n", 5, names[i], 4, i * 100);
    int len = 4;
    const char *data = "truncated string";
    printf("%.*s...\n", len, data);
    printf("[%*ld] [%.*ld]\n", 6, -12L, 4, 12L);
    return 0;
}
