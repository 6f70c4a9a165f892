/* Regular files of the run's file system: open with O_CREAT, O_EXCL,
   O_APPEND, creat, lseek (SEEK_SET, SEEK_END; ESPIPE on a pipe), an
   offset shared across fork, mmap of a file (its writes reach the file),
   unlink while open, /dev/null and /dev/zero (a shared mapping of
   /dev/zero is shared memory; EACCES for a read-only one). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    unlink("t_file.txt");
    int fd = open("t_file.txt", O_CREAT | O_RDWR | O_EXCL, 0644);
    printf("open %d\n", fd >= 0);
    printf("excl again %d %d\n", open("t_file.txt", O_CREAT | O_EXCL | O_RDWR, 0644), errno);
    write(fd, "hello world\n", 12);
    printf("lseek end %ld\n", (long)lseek(fd, 0, SEEK_END));
    lseek(fd, 6, SEEK_SET);
    char buf[32] = {0};
    printf("read %zd [%s]\n", read(fd, buf, sizeof buf - 1), buf);
    if (fork() == 0) {
        write(fd, "child\n", 6); /* the offset is shared with the parent */
        return 0;
    }
    wait(NULL);
    write(fd, "parent\n", 7);
    printf("size %ld\n", (long)lseek(fd, 0, SEEK_END));
    char *m = mmap(NULL, 25, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    m[0] = 'H';
    lseek(fd, 0, SEEK_SET);
    memset(buf, 0, sizeof buf);
    read(fd, buf, 5);
    printf("after mmap write: [%s]\n", buf);
    munmap(m, 25);
    close(fd);
    fd = open("t_file.txt", O_WRONLY | O_APPEND);
    write(fd, "end\n", 4);
    close(fd);
    fd = open("t_file.txt", O_RDONLY);
    char all[64] = {0};
    ssize_t n = read(fd, all, sizeof all - 1);
    printf("all %zd:\n%s", n, all);
    printf("seek pipe: ");
    int p[2]; pipe(p);
    printf("%ld %d\n", (long)lseek(p[0], 0, SEEK_SET), errno);
    printf("missing %d %d\n", open("nope/x", O_RDONLY), errno);
    printf("dir %d %d\n", open("/tmp", O_WRONLY), errno);
    int z0 = open("/dev/zero", O_RDONLY);
    printf("rdonly shared %d\n", mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, z0, 0) == MAP_FAILED);
    int z = open("/dev/zero", O_RDWR);
    int *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, z, 0);
    if (fork() == 0) { *shared = 42; return 0; }
    wait(NULL);
    printf("dev/zero shared %d, null write %zd\n", *shared, write(open("/dev/null", O_WRONLY), "x", 1));
    creat("t_trunc.txt", 0600);
    printf("unlink %d %d\n", unlink("t_file.txt"), unlink("t_trunc.txt"));
    printf("read after unlink %zd\n", read(fd, all, 3) + lseek(fd, 0, SEEK_SET) + read(fd, all, 3));
    return 0;
}
