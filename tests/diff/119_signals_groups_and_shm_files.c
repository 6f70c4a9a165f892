/* SIGPIPE after a partial big write, kill(0) for the whole group, signal() ranges, waitpid(<-1), read/write on an shm fd, a read-only MAP_PRIVATE view seeing writes, munmap(p, 0). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

static char big[200000];

int main(void) {
    int fd[2], st;
    /* 1. The reader takes 10000 bytes of a 200000-byte write and leaves. */
    pipe(fd);
    if (fork() == 0) {
        close(fd[0]);
        write(fd[1], big, sizeof big);
        _exit(0);
    }
    close(fd[1]);
    char buf[10000];
    size_t got = 0;
    while (got < sizeof buf) {
        ssize_t n = read(fd[0], buf + got, sizeof buf - got);
        if (n <= 0)
            break;
        got += n;
    }
    close(fd[0]);
    wait(&st);
    printf("big writer: signaled=%d sig=%d\n", WIFSIGNALED(st), WTERMSIG(st));
    /* 2. signal() ranges, waitpid with a foreign group. */
    printf("signal(64) %s, signal(32) %s\n", signal(64, SIG_IGN) == SIG_ERR ? "err" : "ok", signal(32, SIG_IGN) == SIG_ERR ? "err" : "ok");
    signal(64, SIG_DFL);
    printf("waitpid(-5) -> %d %s\n", waitpid(-5, &st, WNOHANG), strerror(errno));
    /* 3. An shm object is a file: write, then read back through the fd. */
    int s = shm_open("/ipcsim_diff_119", O_CREAT | O_RDWR, 0600);
    printf("write -> %zd\n", write(s, "hello", 5));
    char *view = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, s, 0);
    {
        int s2 = shm_open("/ipcsim_diff_119", O_RDONLY, 0);
        char r[8] = {0};
        printf("read -> %zd \"%s\"\n", read(s2, r, sizeof r - 1), r);
        close(s2);
    }
    /* 4. A read-only private view sees a later write through a shared map. */
    ftruncate(s, 4096);
    char *shared = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, s, 0);
    if (fork() == 0) {
        shared[100] = 42;
        _exit(0);
    }
    wait(NULL);
    printf("private view sees %d\n", view[100]);
    printf("munmap(p, 0) -> %d %s\n", munmap(shared, 0), strerror(errno));
    shm_unlink("/ipcsim_diff_119");
    /* 5. kill(0, SIGTERM): the whole group, the caller included; a child
       ignoring SIGTERM survives and is collected by nobody here. */
    if (fork() == 0) {
        signal(SIGTERM, SIG_IGN);
        printf("ignoring child ready\n");
        fflush(stdout);
        _exit(0);
    }
    wait(NULL);
    fflush(stdout);
    kill(0, SIGTERM);
    printf("not reached\n");
    return 0;
}
