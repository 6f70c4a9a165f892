/* Regression (issue 7, point 8): a read on an shm descriptor whose offset lies past a truncated object; mmap with an offset beyond 4 GiB; shm_open at the descriptor limit. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    char buf[200];
    memset(buf, 'x', sizeof buf);
    shm_unlink("/ipcsim_t145");
    int fd = shm_open("/ipcsim_t145", O_RDWR | O_CREAT, 0600);
    /* 1. The offset is 9000 after the writes; the object shrinks to 10. */
    for (int i = 0; i < 89; i++)
        write(fd, buf, 100);
    printf("write: %ld\n", (long)write(fd, buf, 100));
    ftruncate(fd, 10);
    printf("read past the end: %ld\n", (long)read(fd, buf, sizeof buf));
    /* 2. An offset of 4 GiB: not offset 0 (the object has one page). */
    ftruncate(fd, 4096);
    char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, fd, 1L << 32);
    printf("mmap at 4 GiB: %s\n", p == MAP_FAILED ? "failed" : "mapped");
    fflush(stdout);
    if (p != MAP_FAILED) {
        if (fork() == 0) {
            printf("read %d\n", p[0]);
            _exit(0);
        }
        int st;
        wait(&st);
        printf("child: %s %d\n", WIFSIGNALED(st) ? "signal" : "exit", WIFSIGNALED(st) ? WTERMSIG(st) : WEXITSTATUS(st));
    }
    close(fd);
    /* 3. Fill the descriptor table; shm_open must fail with EMFILE. */
    int last = -1;
    while (1) {
        int d = dup(0);
        if (d < 0)
            break;
        last = d;
    }
    int s = shm_open("/ipcsim_t145", O_RDWR, 0);
    printf("shm_open at the limit: %d %s\n", s, s < 0 && errno == EMFILE ? "EMFILE" : "?");
    close(last);
    s = shm_open("/ipcsim_t145", O_RDWR, 0);
    printf("shm_open after a close: %s\n", s >= 0 ? "ok" : "failed");
    shm_unlink("/ipcsim_t145");
    return 0;
}
