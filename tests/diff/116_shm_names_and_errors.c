/* shm_open's name rules (glibc strips leading slashes) and errors: EEXIST, ENOENT, EINVAL, ENAMETOOLONG; a new object has size 0; an unlinked name is gone but mappings keep working. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void try_open(const char *name, int flags) {
    int fd = shm_open(name, flags, 0600);
    printf("shm_open(\"%.12s%s\") -> %s\n", name, strlen(name) > 12 ? "..." : "", fd >= 0 ? "fd" : strerror(errno));
    if (fd >= 0)
        close(fd);
}

int main(void) {
    char longname[300];
    memset(longname, 'n', sizeof longname);
    longname[0] = '/';
    longname[257] = 0;
    try_open("/", O_CREAT | O_RDWR);
    try_open("", O_CREAT | O_RDWR);
    try_open("/a/b", O_CREAT | O_RDWR);
    try_open("/..", O_CREAT | O_RDWR);
    try_open(longname, O_CREAT | O_RDWR);
    try_open("/ipcsim_diff_116_missing", O_RDWR);
    int fd = shm_open("/ipcsim_diff_116", O_CREAT | O_EXCL | O_RDWR, 0600);
    try_open("/ipcsim_diff_116", O_CREAT | O_EXCL | O_RDWR);
    try_open("//ipcsim_diff_116", O_RDWR);
    ftruncate(fd, 4096);
    int *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    p[0] = 42;
    printf("unlink -> %d\n", shm_unlink("ipcsim_diff_116"));
    printf("unlink again -> %d %s\n", shm_unlink("/ipcsim_diff_116"), strerror(errno));
    try_open("/ipcsim_diff_116", O_RDWR);
    printf("mapping still works: %d\n", p[0]);
    printf("mmap length 0 -> %s\n", mmap(NULL, 0, PROT_READ, MAP_SHARED, fd, 0) == MAP_FAILED ? strerror(errno) : "ok");
    printf("ftruncate on a pipe -> ");
    int q[2];
    pipe(q);
    printf("%d %s\n", ftruncate(q[1], 10), strerror(errno));
    return 0;
}
