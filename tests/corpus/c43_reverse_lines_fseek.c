/* Prints a file's lines in reverse order (like tac) without reading it
   all into memory: it first records each line's offset with ftell while
   reading with fgets, then fseeks to each offset from the last to the
   first. Then it prints the last 10 bytes reading backwards with
   fseek(SEEK_END)/fgetc, and steps back one byte with fseek(SEEK_CUR). */
#include <stdio.h>
#include <string.h>

#define FNAME "poem_c43.txt"
#define MAXL 32

int main(void)
{
    FILE *f = fopen(FNAME, "w+");
    if (!f) { perror("fopen"); return 1; }
    const char *lines[] = {"Roses are red,", "pipes can be full,", "forks make children", "and wait reaps them all."};
    for (int i = 0; i < 4; i++) fprintf(f, "%d %s\n", i + 1, lines[i]);

    long offsets[MAXL];
    int n = 0;
    char buf[128];
    rewind(f);
    for (;;) {
        long pos = ftell(f);
        if (!fgets(buf, sizeof buf, f)) break;
        offsets[n++] = pos;
    }
    printf("%d lines, offsets:", n);
    for (int i = 0; i < n; i++) printf(" %ld", offsets[i]);
    printf("\n");
    for (int i = n - 1; i >= 0; i--) {
        fseek(f, offsets[i], SEEK_SET);
        fgets(buf, sizeof buf, f);
        fputs(buf, stdout);
    }

    printf("last 10 bytes backwards: ");
    for (int k = 1; k <= 10; k++) {
        fseek(f, -k, SEEK_END);
        int c = fgetc(f);
        putchar(c == '\n' ? '|' : c);
    }
    printf("\n");

    rewind(f);
    int c = fgetc(f);
    fseek(f, -1, SEEK_CUR);
    int d = fgetc(f);
    int e = fgetc(f);
    printf("first char %c, again after fseek(-1) %c, then '%c'\n", c, d, e);
    fseek(f, 0, SEEK_END);
    printf("size %ld\n", ftell(f));
    fclose(f);
    remove(FNAME);
    return 0;
}
