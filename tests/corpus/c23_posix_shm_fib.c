/* POSIX shared memory object: shm_open + ftruncate + mmap; the child
   fills a Fibonacci table in it, the parent waits and prints it; a second
   mapping through a fresh shm_open sees the same bytes; shm_unlink at the
   end, after which shm_open without O_CREAT fails. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define NAME "/c23_fib_shm"
#define N 20

struct table { int count; long fib[N]; };

int main(void)
{
    int fd = shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) { perror("shm_open"); return 1; }
    if (ftruncate(fd, sizeof(struct table)) < 0) { perror("ftruncate"); return 1; }
    struct table *t = mmap(NULL, sizeof *t, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (t == MAP_FAILED) { perror("mmap"); return 1; }
    close(fd);
    t->count = 0;

    pid_t pid = fork();
    if (pid == 0) {
        t->fib[0] = 0; t->fib[1] = 1;
        for (int i = 2; i < N; i++) t->fib[i] = t->fib[i - 1] + t->fib[i - 2];
        t->count = N;
        munmap(t, sizeof *t);
        _exit(0);
    }
    wait(NULL);
    printf("child wrote %d numbers:", t->count);
    for (int i = 0; i < t->count; i++) printf(" %ld", t->fib[i]);
    printf("\n");

    int fd2 = shm_open(NAME, O_RDONLY, 0);
    struct stat st;
    fstat(fd2, &st);
    printf("object size %ld\n", (long)st.st_size);
    const struct table *view = mmap(NULL, sizeof *view, PROT_READ, MAP_SHARED, fd2, 0);
    close(fd2);
    printf("second mapping sees fib[19] = %ld\n", view->fib[19]);
    munmap((void *)view, sizeof *view);
    munmap(t, sizeof *t);
    shm_unlink(NAME);
    fd = shm_open(NAME, O_RDWR, 0);
    printf("after unlink: fd=%d ENOENT=%d\n", fd, errno == ENOENT);
    return 0;
}
