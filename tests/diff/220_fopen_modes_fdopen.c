/* fopen modes glibc reads (unknown characters after the first are skipped: rt+ is read-write) and fdopen's checks: a descriptor not open is EBADF, a stream mode its access mode does not allow is EINVAL */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
int main(void) {
    FILE *w = fopen("s1.txt", "w");
    fputs("hello\n", w);
    fclose(w);
    FILE *f = fopen("s1.txt", "rt+");
    printf("rt+ %s\n", f ? "ok" : strerror(errno));
    if (f) { int r = fputs("J", f); fflush(f); printf("fputs on rt+ = %d\n", r); fclose(f); }
    f = fopen("s1.txt", "r");
    char b[16] = {0};
    fgets(b, sizeof b, f);
    printf("content %s", b);
    fclose(f);
    FILE *d = fdopen(99, "r");
    printf("fdopen(99) %s\n", d ? "non-null" : strerror(errno));
    int fd = open("s1.txt", 0);
    FILE *d2 = fdopen(fd, "w");
    printf("fdopen(rdonly,w) %s\n", d2 ? "non-null" : strerror(errno));
    FILE *g = fopen("s1.txt", "r");
    int c = ungetc('Z', g);
    int c1 = getc(g); int c2 = getc(g); printf("ungetc=%c getc=%c getc=%c\n", c, c1, c2);
    printf("ungetc EOF = %d\n", ungetc(EOF, g));
    size_t n = fread(b, (size_t)1 << 63, 4, g);
    printf("fread overflow = %zu\n", n);
    return 0;
}
