/* pins SHM_RDONLY and SHM_RND: a read-only attach reads the data, and a write through it kills the process with SIGSEGV
   (exit detaches: nattch back to 0); shmat at an unaligned address -> EINVAL, with SHM_RND it rounds down to the page;
   shmat of a bad id -> EINVAL; shmdt(NULL) -> EINVAL. Uses IPC_PRIVATE. */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

static int id = -1;

static void cleanup(void)
{
    if (id >= 0)
        shmctl(id, IPC_RMID, NULL);
}

static long nattch(void)
{
    struct shmid_ds ds;
    if (shmctl(id, IPC_STAT, &ds) == -1)
        return -1000 - errno;
    return (long)ds.shm_nattch;
}

int main(void)
{
    atexit(cleanup);
    id = shmget(IPC_PRIVATE, 8192, IPC_CREAT | 0600);
    if (id < 0) {
        printf("shmget failed errno=%d\n", errno);
        return 1;
    }
    char *p = shmat(id, NULL, 0);
    p[0] = 42;
    p[4096] = 43;
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        shmdt(p); /* child drops the inherited read-write attachment */
        volatile char *ro = shmat(id, NULL, SHM_RDONLY);
        if (ro == (void *)-1)
            _exit(2);
        printf("child: read-only sees %d %d, nattch %ld\n", ro[0], ro[4096], nattch());
        fflush(stdout);
        ro[0] = 1; /* SIGSEGV */
        printf("child: write succeeded?!\n");
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("child signaled %d sig %d (SIGSEGV %d)\n", WIFSIGNALED(st), WIFSIGNALED(st) ? WTERMSIG(st) : 0, SIGSEGV);
    printf("value still %d, nattch %ld\n", p[0], nattch());

    errno = 0;
    void *r = shmat(id, p + 1, 0);
    int e = errno;
    printf("shmat(p+1, 0) -> %d errno=%d\n", r == (void *)-1 ? -1 : 0, e);
    shmdt(p);
    r = shmat(id, p + 100, SHM_RND);
    printf("shmat(p+100, SHM_RND) -> ok %d, rounded to p %d, sees %d\n", r != (void *)-1, r == (void *)p,
           r != (void *)-1 ? ((char *)r)[0] : -1);
    if (r != (void *)-1)
        shmdt(r);
    errno = 0;
    r = shmat(-1, NULL, 0);
    e = errno;
    printf("shmat(-1) -> %d errno=%d\n", r == (void *)-1 ? -1 : 0, e);
    errno = 0;
    int rc = shmdt(NULL);
    e = errno;
    printf("shmdt(NULL) -> %d errno=%d\n", rc, e);
    printf("nattch %ld\n", nattch());
    printf("IPC_RMID -> %d\n", shmctl(id, IPC_RMID, NULL));
    id = -1;
    return 0;
}
