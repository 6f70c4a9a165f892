/* pins char** arrays of strings (argv style): NULL-terminated, iteration, sorting by pointer swap */
#include <stdio.h>
#include <string.h>

static int count(char **v)
{
    int n = 0;
    while (v[n] != NULL) n++;
    return n;
}

static void sort(char **v, int n)
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j + 1 < n - i; j++)
            if (strcmp(v[j], v[j + 1]) > 0) {
                char *t = v[j]; v[j] = v[j + 1]; v[j + 1] = t;
            }
}

int main(void)
{
    char a0[] = "prog", a1[] = "-v", a2[] = "zeta", a3[] = "alpha", a4[] = "mid";
    char *args[] = { a0, a1, a2, a3, a4, NULL };
    char **argv = args;
    int argc = count(argv);
    printf("argc=%d\n", argc);
    for (char **p = argv; *p; p++)
        printf("[%ld] %s (len %zu, first %c)\n", p - argv, *p, strlen(*p), **p);
    sort(argv + 1, argc - 1);
    for (int i = 0; i < argc; i++) printf("%s%c", argv[i], i + 1 < argc ? ' ' : '\n');
    argv[1][1] = 'V';
    printf("modified: %s\n", a1);
    const char *names[] = { "one", "two", "three" };
    const char **np = names;
    printf("%s %c %c\n", np[2], np[1][2], *np[0]);
    printf("argv[argc]==NULL: %d\n", argv[argc] == NULL);
    const char *table[3][2] = { { "a", "b" }, { "c", "d" }, { "e", "f" } };
    printf("table[2][1]=%s\n", table[2][1]);
    return 0;
}
