/* stdio edges: w+ then rewind and read, fseek between writing and reading, fread to the end, ungetc after EOF, ftell of an a stream (its position is the end), fseek with a bad whence and a negative offset, fputs on a read stream and fgetc on an append stream (EBADF), bad and empty modes, a missing directory */
#include <stdio.h>
#include <string.h>
int main(void) {
    FILE *f = fopen("s4.txt", "w+");
    fprintf(f, "line1\nline2\nline3\n");
    printf("ftell after write %ld\n", ftell(f));
    rewind(f);
    char b[64];
    fgets(b, sizeof b, f);
    printf("got %s", b);
    printf("ftell after read %ld\n", ftell(f));
    fseek(f, 0, SEEK_CUR);
    fputs("XX", f);
    fseek(f, 0, SEEK_SET);
    size_t n = fread(b, 1, sizeof b - 1, f);
    b[n] = 0;
    printf("all(%zu): %s", n, b);
    printf("feof %d\n", feof(f));
    ungetc('Q', f);
    printf("feof after ungetc %d getc %c\n", feof(f), getc(f));
    FILE *a = fopen("s4.txt", "a");
    fputs("tail\n", a);
    printf("ftell a %ld\n", ftell(a));
    fclose(a);
    printf("fseek bad whence %d\n", fseek(f, 0, 9));
    printf("fseek neg %d\n", fseek(f, -100, SEEK_SET));
    printf("ftell %ld\n", ftell(f));
    FILE *r = fopen("s4.txt", "r");
    printf("fputs on r %d ferror %d\n", fputs("x", r), ferror(r));
    FILE *w = fopen("s4.txt", "a");
    printf("fgetc on a %d ferror %d\n", fgetc(w), ferror(w));
    printf("fopen bad mode %p\n", (void *)fopen("s4.txt", "z"));
    printf("fopen empty mode %p\n", (void *)fopen("s4.txt", ""));
    printf("fopen missing %p\n", (void *)fopen("nonexist/xx", "r"));
    return 0;
}
