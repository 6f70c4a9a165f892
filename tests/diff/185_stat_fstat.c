/* stat and fstat: the size and type of a regular file (then mapped with
   that size), a directory, a pipe; ENOENT and EBADF. Only what a program
   looks at is compared: inode numbers, owners and times differ from the
   host by design. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    int fd = open("t_stat.txt", O_CREAT | O_TRUNC | O_RDWR, 0644);
    write(fd, "0123456789abcdef", 16);
    struct stat st;
    printf("fstat %d size %ld reg %d dir %d\n", fstat(fd, &st), (long)st.st_size, S_ISREG(st.st_mode), S_ISDIR(st.st_mode));
    char *m = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    printf("mapped %.*s\n", (int)st.st_size, m);
    printf("stat %d size %ld\n", stat("t_stat.txt", &st), (long)st.st_size);
    printf("dir %d %d\n", stat("/tmp", &st), S_ISDIR(st.st_mode));
    int p[2];
    pipe(p);
    fstat(p[0], &st);
    printf("fifo %d\n", S_ISFIFO(st.st_mode));
    printf("missing %d %d\n", stat("nope.txt", &st), errno);
    printf("bad fd %d %d\n", fstat(99, &st), errno);
    unlink("t_stat.txt");
    return 0;
}
