/* Standard input through glibc's stdin buffer: scanf, getchar, fgets and
   getline on a file given as stdin; a fork after a read copies the buffer,
   so the child and then the parent read the same buffered lines; sticky
   end of file; sscanf with %i and a scanset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int n, total = 0;
    char name[32];
    if (scanf("%d %31s", &n, name) != 2) { printf("bad header\n"); return 1; }
    printf("n=%d name=%s\n", n, name);
    for (int k = 0; k < n; k++) {
        int v;
        if (scanf("%d", &v) == 1) total += v;
    }
    printf("total %d\n", total);
    int c = getchar();
    printf("after numbers: %d\n", c);
    char line[64];
    while (fgets(line, sizeof line, stdin)) {
        char *nl = strchr(line, '\n'); if (nl) *nl = 0;
        printf("line [%s]\n", line);
        if (strcmp(line, "fork") == 0) break;
    }
    if (fork() == 0) {
        char *l = NULL; size_t cap = 0; ssize_t m;
        while ((m = getline(&l, &cap, stdin)) > 0) printf("child: %zd %s", m, l);
        free(l);
        return 0;
    }
    wait(NULL);
    char *l = NULL; size_t cap = 0;
    ssize_t m = getline(&l, &cap, stdin);
    printf("parent after child: %zd cap %zu\n", m, cap);
    printf("eof %d, scanf at eof %d, getchar %d\n", feof(stdin), scanf("%d", &n), getchar());
    int a, b; char w[8];
    printf("sscanf %d", sscanf("12 abc 0x1F", "%d %7s %i", &a, w, &b));
    printf(" -> %d %s %d\n", a, w, b);
    printf("sscanf set %d", sscanf("key=value;", "%[^=]=%[a-z]", name, w));
    printf(" -> %s %s\n", name, w);
    free(l);
    return 0;
}
