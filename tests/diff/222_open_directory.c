/* a directory opened read-only (as opendir does): read is EISDIR, write EBADF, fstat says a directory; opened for writing it is EISDIR */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    mkdir("dd", 0755);
    int fd = open("dd", O_RDONLY);
    printf("open dir %d\n", fd >= 0);
    char c;
    printf("read %zd %s\n", read(fd, &c, 1), strerror(errno));
    printf("write %zd %s\n", write(fd, "x", 1), strerror(errno));
    struct stat st;
    fstat(fd, &st);
    printf("isdir %d\n", S_ISDIR(st.st_mode));
    printf("open wr %d %s\n", open("dd", O_WRONLY), strerror(errno));
    close(fd);
    rmdir("dd");
    return 0;
}
