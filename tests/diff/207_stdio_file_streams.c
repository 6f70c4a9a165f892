/* stdio on files: fopen modes r/w/a/rb/wb, fprintf/fputs/fwrite buffered then written at fclose, fgets/fscanf/fgetc/fread through the read buffer, ftell counting buffered bytes, fseek from the end, rewind, an append stream shared by fork after fflush, fopen failures (ENOENT, a bad mode), remove, fdopen of stdout */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
struct rec { int id; char name[12]; };
int main(void) {
    FILE *f = fopen("data.txt", "w");
    if (!f) { perror("fopen"); return 1; }
    for (int i = 0; i < 5; i++) fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    fputs("tail\n", f);
    printf("ftell %ld\n", ftell(f));
    fclose(f);
    f = fopen("data.txt", "r");
    char line[64];
    int n = 0;
    while (fgets(line, sizeof line, f)) { n++; if (n == 2) printf("second: %s", line); }
    printf("lines %d feof %d\n", n, feof(f));
    rewind(f);
    int k; char w[16];
    int r = fscanf(f, "line %d: %15s", &k, w);
    printf("fscanf %d %d %s\n", r, k, w);
    fseek(f, -5, SEEK_END);
    int c = fgetc(f);
    printf("c=%c ftell=%ld\n", c, ftell(f));
    fclose(f);
    f = fopen("recs.bin", "wb");
    struct rec rs[3] = {{1, "ann"}, {2, "bob"}, {3, "cy"}};
    printf("fwrite %zu\n", fwrite(rs, sizeof rs[0], 3, f));
    fclose(f);
    f = fopen("recs.bin", "rb");
    struct rec in[4];
    size_t got = fread(in, sizeof in[0], 4, f);
    printf("fread %zu %d %s %d %s\n", got, in[0].id, in[0].name, in[2].id, in[2].name);
    fclose(f);
    f = fopen("data.txt", "a");
    fprintf(f, "appended by %s\n", "parent");
    fflush(f);
    if (fork() == 0) { fprintf(f, "child\n"); exit(0); }
    wait(NULL);
    fclose(f);
    f = fopen("data.txt", "r");
    while (fgets(line, sizeof line, f)) fputs(line, stdout);
    fclose(f);
    printf("missing %p\n", (void *)fopen("nope/x", "r"));
    perror("fopen");
    printf("bad mode %p\n", (void *)fopen("data.txt", "q"));
    remove("data.txt"); remove("recs.bin");
    FILE *o = fdopen(1, "w");
    fprintf(o, "via fdopen\n");
    fflush(o);
    return 0;
}
