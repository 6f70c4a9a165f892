/* pipe2 (O_CLOEXEC, O_NONBLOCK, a bad flag), fsync/fdatasync (a file, a pipe: EINVAL, a bad descriptor), rename of a file onto another, of a missing one, of an empty directory */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    int p[2];
    printf("pipe2 %d\n", pipe2(p, O_CLOEXEC | O_NONBLOCK));
    printf("cloexec %d nonblock %d\n", (fcntl(p[0], F_GETFD) & FD_CLOEXEC) != 0, (fcntl(p[1], F_GETFL) & O_NONBLOCK) != 0);
    char c;
    printf("read empty %zd %s\n", read(p[0], &c, 1), strerror(errno));
    printf("pipe2 bad %d %s\n", pipe2(p, 1), strerror(errno));
    int fd = open("a.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "hello", 5);
    printf("fsync file %d\n", fsync(fd));
    errno = 0;
    printf("fsync pipe %d %s\n", fsync(p[1]), strerror(errno));
    printf("fsync bad %d %s\n", fdatasync(99), strerror(errno));
    close(fd);
    fd = open("b.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "bb", 2);
    close(fd);
    printf("rename %d\n", rename("a.txt", "b.txt"));
    struct stat st;
    printf("b size %ld a exists %d\n", stat("b.txt", &st) == 0 ? (long)st.st_size : -1L, access("a.txt", F_OK) == 0);
    printf("rename missing %d %s\n", rename("a.txt", "c.txt"), strerror(errno));
    mkdir("d", 0755);
    printf("rename dir %d\n", rename("d", "e"));
    printf("e is dir %d\n", stat("e", &st) == 0 && S_ISDIR(st.st_mode));
    rmdir("e");
    unlink("b.txt");
    return 0;
}
