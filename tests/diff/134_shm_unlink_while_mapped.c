/* shm_unlink while still mapped: the name is gone (ENOENT for a new open, and a fresh O_CREAT object is a different, empty one), but an existing mapping still shares data with a child forked afterwards. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_134"

int main(void) {
    shm_unlink(NAME);
    int fd = shm_open(NAME, O_CREAT | O_RDWR, 0600);
    ftruncate(fd, 8192);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    strcpy(p, "before unlink");
    strcpy(p + 4096, "second page");
    printf("unlink -> %d\n", shm_unlink(NAME));
    int again = shm_open(NAME, O_RDWR, 0);
    printf("reopen -> %d (%s)\n", again, strerror(errno));
    pid_t c = fork();
    if (c == 0) {
        printf("child sees \"%s\" and \"%s\"\n", p, p + 4096);
        strcpy(p, "written by the child");
        int fresh = shm_open(NAME, O_CREAT | O_RDWR, 0600);
        char *q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fresh, 0);
        printf("child's fresh object mmap: %s\n", q == MAP_FAILED ? strerror(errno) : "mapped");
        ftruncate(fresh, 4096);
        q = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fresh, 0);
        printf("after ftruncate: first byte %d\n", q[0]);
        close(fresh);
        exit(0);
    }
    waitpid(c, NULL, 0);
    printf("parent sees \"%s\"\n", p);
    printf("unlink the child's object -> %d\n", shm_unlink(NAME));
    munmap(p, 8192);
    return 0;
}
