/* pins malloc, realloc growth keeping contents, realloc(NULL, n), shrinking, a growing dynamic array */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    int cap = 2, len = 0;
    int *v = malloc((size_t)cap * sizeof *v);
    if (!v) return 1;
    for (int i = 0; i < 100; i++) {
        if (len == cap) {
            cap *= 2;
            int *nv = realloc(v, (size_t)cap * sizeof *v);
            if (!nv) { free(v); return 1; }
            v = nv;
            printf("grew to %d, v[0]=%d v[len-1]=%d\n", cap, v[0], v[len - 1]);
        }
        v[len++] = i * 3;
    }
    long sum = 0;
    for (int i = 0; i < len; i++) sum += v[i];
    printf("len=%d sum=%ld\n", len, sum);
    v = realloc(v, 10 * sizeof *v);                /* shrink keeps prefix */
    printf("after shrink v[9]=%d\n", v[9]);
    free(v);
    char *s = realloc(NULL, 8);                    /* acts like malloc */
    strcpy(s, "grow");
    for (int i = 0; i < 4; i++) {
        size_t n = strlen(s);
        s = realloc(s, n * 2 + 1);
        memcpy(s + n, s, n);
        s[2 * n] = '\0';
    }
    printf("s len=%zu starts=%.8s\n", strlen(s), s);
    free(s);
    struct item { int id; char name[8]; } *items = malloc(3 * sizeof *items);
    for (int i = 0; i < 3; i++) { items[i].id = i; snprintf(items[i].name, sizeof items[i].name, "it%d", i); }
    items = realloc(items, 5 * sizeof *items);
    printf("%s %s %d\n", items[0].name, items[2].name, items[1].id);
    free(items);
    void *z = malloc(0);                           /* may be NULL or unique; free either way */
    free(z);
    printf("done\n");
    return 0;
}
