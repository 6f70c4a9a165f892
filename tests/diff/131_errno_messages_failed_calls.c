/* perror and strerror after failed calls: EBADF from closed or wrong-direction descriptors, ECHILD, ENOENT/EEXIST/EINVAL from shm_open, EINVAL from ftruncate and mmap, EACCES, EAGAIN, and strerror of 0 and of an unknown number. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_131"

static void show(const char *call, long r) {
    int e = errno;
    printf("%-28s -> %ld, errno %d: %s\n", call, r, r < 0 ? e : 0, r < 0 ? strerror(e) : "ok");
    if (r < 0) {
        errno = e;
        perror(call);
    }
}

int main(void) {
    int fd[2];
    char c = 'x';
    pipe(fd);
    show("close(-1)", close(-1));
    show("read(write end)", read(fd[1], &c, 1));
    show("write(read end)", write(fd[0], &c, 1));
    show("dup(999)", dup(999));
    show("dup2(fd, -1)", dup2(fd[0], -1));
    show("fcntl(77, F_GETFL)", fcntl(77, F_GETFL));
    int d = dup(fd[0]);
    close(d);
    show("close(closed dup)", close(d));
    show("wait(no children)", wait(NULL));
    show("waitpid(self)", waitpid(getpid(), NULL, 0));
    shm_unlink(NAME);
    show("shm_open(missing)", shm_open(NAME, O_RDWR, 0600));
    int s = shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600);
    show("shm_open(create)", s >= 0 ? 0 : -1);
    show("shm_open(O_EXCL again)", shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600));
    show("shm_open(\"a/b\")", shm_open("/a/b", O_CREAT | O_RDWR, 0600));
    show("ftruncate(pipe)", ftruncate(fd[1], 10));
    show("ftruncate(-1)", ftruncate(-1, 10));
    show("ftruncate(shm, 4096)", ftruncate(s, 4096));
    void *m = mmap(NULL, 0, PROT_READ, MAP_SHARED, s, 0);
    show("mmap(len 0)", m == MAP_FAILED ? -1 : 0);
    int ro = shm_open(NAME, O_RDONLY, 0);
    m = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
    show("mmap(rw of O_RDONLY fd)", m == MAP_FAILED ? -1 : 0);
    m = mmap(NULL, 4096, PROT_READ, MAP_SHARED, 55, 0);
    show("mmap(bad fd)", m == MAP_FAILED ? -1 : 0);
    close(ro);
    close(s);
    show("shm_unlink", shm_unlink(NAME));
    show("shm_unlink(again)", shm_unlink(NAME));
    fcntl(fd[1], F_SETFL, O_NONBLOCK);
    char block[4096];
    memset(block, 'b', sizeof block);
    long total = 0;
    ssize_t w;
    while ((w = write(fd[1], block, sizeof block)) > 0)
        total += w;
    printf("filled %ld bytes\n", total);
    show("write(full, O_NONBLOCK)", w);
    errno = 0;
    printf("strerror(0): %s\n", strerror(0));
    printf("strerror(EINTR): %s\n", strerror(EINTR));
    printf("strerror(4242): %s\n", strerror(4242));
    fflush(stdout);
    errno = ENOENT;
    perror("");
    errno = EPIPE;
    perror("custom");
    return 0;
}
