/* cp-like exercise with system calls only: create a source file with
   write(), copy it with a small read/write buffer, check sizes with
   fstat and lseek, compare contents, then unlink both. */
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define SRC "src_c03.txt"
#define DST "dst_c03.txt"

static int copy(const char *from, const char *to)
{
    char buf[7];
    int in = open(from, O_RDONLY);
    if (in < 0) { perror("open src"); return -1; }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (out < 0) { perror("open dst"); close(in); return -1; }
    ssize_t n; int total = 0, calls = 0;
    while ((n = read(in, buf, sizeof buf)) > 0) {
        if (write(out, buf, n) != n) { perror("write"); return -1; }
        total += n; calls++;
    }
    close(in); close(out);
    printf("copied %d bytes in %d reads\n", total, calls);
    return total;
}

int main(void)
{
    int fd = open(SRC, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) { perror("open"); return 1; }
    for (int i = 1; i <= 5; i++) {
        char line[40];
        int len = snprintf(line, sizeof line, "line %d: %.*s\n", i, i * 3, "abcdefghijklmnopq");
        write(fd, line, len);
    }
    close(fd);

    if (copy(SRC, DST) < 0) return 1;

    struct stat a, b;
    stat(SRC, &a);
    fd = open(DST, O_RDONLY);
    fstat(fd, &b);
    printf("sizes %ld %ld, regular=%d\n", (long)a.st_size, (long)b.st_size, S_ISREG(b.st_mode) ? 1 : 0);
    off_t end = lseek(fd, 0, SEEK_END);
    printf("lseek end = %ld\n", (long)end);

    /* print the third line by seeking to it */
    char all[256];
    lseek(fd, 0, SEEK_SET);
    int n = read(fd, all, sizeof all - 1);
    all[n] = '\0';
    int nl = 0; off_t pos = 0;
    for (int i = 0; i < n && nl < 2; i++)
        if (all[i] == '\n') { nl++; pos = i + 1; }
    lseek(fd, pos, SEEK_SET);
    char third[64];
    n = read(fd, third, 20);
    third[n] = '\0';
    char *e = strchr(third, '\n');
    if (e) *e = '\0';
    printf("third line: [%s]\n", third);
    close(fd);

    int fa = open(SRC, O_RDONLY), fb = open(DST, O_RDONLY);
    char x[256], y[256];
    int na = read(fa, x, sizeof x), nb = read(fb, y, sizeof y);
    printf("identical: %s\n", na == nb && memcmp(x, y, na) == 0 ? "yes" : "no");
    close(fa); close(fb);
    unlink(SRC); unlink(DST);
    printf("open after unlink: %d\n", open(SRC, O_RDONLY));
    return 0;
}
