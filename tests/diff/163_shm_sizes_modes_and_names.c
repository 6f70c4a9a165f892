/* Pins linux-ipc-semantics.md section 3 (shared memory): a new object is
   zero-filled, and shrinking then growing loses the old data; touching a
   page past the object's end is SIGBUS while the page holding the end is
   accessible; a child's writes through its own shm_open + mmap and through
   the inherited mapping reach the parent; the object (size and data)
   survives close, munmap and its creator's exit; O_TRUNC empties it; an
   O_RDONLY descriptor cannot ftruncate (EINVAL) or map PROT_WRITE shared
   (EACCES) but may map PROT_WRITE private; O_WRONLY is accepted; glibc
   strips every leading slash ("noslash" and "//x" name "/x"), refuses
   "/x/", "/." and accepts 255 characters. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_163"

static const char *name(int e) {
    switch (e) {
    case EINVAL: return "EINVAL";
    case EACCES: return "EACCES";
    case ENOENT: return "ENOENT";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-34s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
}

static void touch_in_child(const char *what, char *p, long off) {
    fflush(stdout);
    if (fork() == 0) {
        printf("%s: byte %d\n", what, p[off]);
        exit(0);
    }
    int st;
    wait(&st);
    if (WIFSIGNALED(st))
        printf("%s: killed by signal %d (SIGBUS %d)\n", what, WTERMSIG(st), SIGBUS);
}

static void try_name(const char *what, const char *n) {
    int fd = shm_open(n, O_CREAT | O_RDWR, 0600);
    show(what, fd < 0 ? -1 : 0);
    if (fd >= 0) {
        close(fd);
        shm_unlink(n);
    }
}

int main(void) {
    shm_unlink(NAME);
    int fd = shm_open(NAME, O_CREAT | O_RDWR, 0600);
    char b[16];
    show("read of a new object", read(fd, b, 16));
    ftruncate(fd, 8192);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    int zero = 1;
    for (int i = 0; i < 8192; i++)
        if (p[i] != 0)
            zero = 0;
    printf("8192 bytes all zero: %d\n", zero);
    memset(p, 7, 8192);
    ftruncate(fd, 100);
    ftruncate(fd, 8192);
    printf("after shrink to 100 and grow: p[50]=%d p[200]=%d p[5000]=%d\n", p[50], p[200], p[5000]);
    ftruncate(fd, 5000);
    touch_in_child("offset 4999 (last byte)", p, 4999);
    touch_in_child("offset 6000 (page holding the end)", p, 6000);
    char *far = mmap(NULL, 16384, PROT_READ, MAP_SHARED, fd, 0);
    show("mmap 16384 of a 5000-byte object", far == MAP_FAILED ? -1 : 0);
    touch_in_child("offset 9000 (past the end's page)", far, 9000);
    munmap(far, 16384);

    /* A child writes through the inherited mapping and its own. */
    ftruncate(fd, 8192);
    fflush(stdout);
    if (fork() == 0) {
        p[0] = 11;
        int c = shm_open(NAME, O_RDWR, 0);
        char *q = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, c, 0);
        q[4096] = 22;
        exit(0);
    }
    wait(NULL);
    printf("parent sees %d and %d\n", p[0], p[4096]);
    munmap(p, 8192);
    close(fd);
    fd = shm_open(NAME, O_RDWR, 0);
    p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    printf("reopened: %d and %d\n", p[0], p[4096]);
    munmap(p, 8192);
    close(fd);
    fflush(stdout);
    if (fork() == 0) {
        int c = shm_open("/ipcsim_diff_163b", O_CREAT | O_RDWR, 0600);
        ftruncate(c, 4096);
        write(c, "from the creator", 16);
        exit(0);
    }
    wait(NULL);
    fd = shm_open("/ipcsim_diff_163b", O_RDONLY, 0);
    show("read after the creator exited", read(fd, b, 16));
    printf("data: %.16s\n", b);
    close(fd);
    fd = shm_open("/ipcsim_diff_163b", O_RDWR | O_TRUNC, 0);
    show("read after O_TRUNC", read(fd, b, 16));
    close(fd);
    shm_unlink("/ipcsim_diff_163b");

    int ro = shm_open(NAME, O_RDONLY, 0);
    show("ftruncate of O_RDONLY", ftruncate(ro, 4096));
    void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
    show("mmap PROT_WRITE MAP_SHARED", m == MAP_FAILED ? -1 : 0);
    char *priv = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
    show("mmap PROT_WRITE MAP_PRIVATE", priv == MAP_FAILED ? -1 : 0);
    int wo = shm_open(NAME, O_WRONLY, 0);
    show("shm_open O_WRONLY", wo < 0 ? -1 : 0);
    close(wo);

    close(ro);
    shm_unlink(NAME);

    char n255[300], n256[300];
    memset(n255, 's', 255);
    n255[255] = 0;
    memset(n256, 's', 256);
    n256[256] = 0;
    int a = shm_open("ipcsim_diff_163c", O_CREAT | O_RDWR, 0600);
    write(a, "same", 4);
    int c2 = shm_open("//ipcsim_diff_163c", O_RDONLY, 0);
    show("\"noslash\" then \"//noslash\"", read(c2, b, 4));
    close(a);
    close(c2);
    show("unlink \"/noslash\"", shm_unlink("/ipcsim_diff_163c"));
    try_name("name \"/x/\"", "/ipcsim_diff_163/");
    try_name("name \"/.\"", "/.");
    try_name("name 255 chars", n255);
    try_name("name 256 chars", n256);
    return 0;
}
