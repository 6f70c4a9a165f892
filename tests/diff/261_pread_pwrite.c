/* pread and pwrite: at an offset, the file offset unchanged; past the end, a hole, EINVAL for a negative offset, ESPIPE on a pipe, EBADF; two processes writing records at their own offsets; pwrite on an O_APPEND descriptor appends (Linux) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    int fd = open("pw.txt", O_CREAT | O_RDWR | O_TRUNC, 0644);
    write(fd, "0123456789", 10);
    printf("pwrite %zd\n", pwrite(fd, "AB", 2, 3));
    printf("offset %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    char buf[16] = {0};
    printf("pread %zd '%s'\n", pread(fd, buf, 5, 2), buf);
    printf("offset %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    printf("past end %zd\n", pread(fd, buf, 5, 100));
    printf("hole %zd\n", pwrite(fd, "Z", 1, 15));
    memset(buf, 0, sizeof buf);
    printf("read all %zd\n", pread(fd, buf, 16, 0));
    for (int i = 0; i < 16; i++) putchar(buf[i] ? buf[i] : '.');
    putchar('\n');
    ssize_t r = pread(fd, buf, 1, -1);
    printf("negative %zd %d\n", r, errno == EINVAL);
    int p[2];
    pipe(p);
    r = pwrite(p[1], "x", 1, 0);
    printf("pipe %zd %d\n", r, errno == ESPIPE);
    r = pread(p[0], buf, 1, 0);
    printf("pipe read %zd %d\n", r, errno == ESPIPE);
    r = pread(99, buf, 1, 0);
    printf("bad fd %zd %d\n", r, errno == EBADF);
    /* two children write their own records at their own offsets */
    for (int k = 0; k < 2; k++)
        if (fork() == 0) { char r[4] = {'k', (char)('0' + k), 'k', '\n'}; pwrite(fd, r, 4, 20 + 4 * k); _exit(0); }
    while (wait(NULL) > 0) {}
    memset(buf, 0, sizeof buf);
    printf("records %zd\n", pread(fd, buf, 8, 20));
    fwrite(buf, 1, 8, stdout);
    int a = open("pw.txt", O_WRONLY | O_APPEND);
    printf("append pwrite %zd size %ld\n", pwrite(a, "END", 3, 0), (long)lseek(fd, 0, SEEK_END));
    unlink("pw.txt");
    return 0;
}
