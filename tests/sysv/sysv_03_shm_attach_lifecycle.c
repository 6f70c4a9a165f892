/* pins the shmat/shmdt/IPC_RMID lifecycle: shmat returns a page-aligned (4096) address; a new segment is zero-filled
   (also past shm_segsz up to the page end); two attaches in one process are distinct addresses sharing the bytes;
   shm_nattch counts attaches (fork: the child inherits the attachment, nattch 2 seen in the child; the child's exit detaches);
   shmdt of a non-attached / already-detached / mid-segment address -> EINVAL;
   IPC_RMID while attached succeeds, the segment stays usable, IPC_STAT still works and shows SHM_DEST (01000) in the mode and
   key IPC_PRIVATE; the key is free at once (shmget(key) -> ENOENT, IPC_CREAT makes a new zeroed segment);
   shmat of the removed-but-alive id still succeeds (Linux); after the last shmdt the id is gone (IPC_STAT -> EINVAL).
   Key: ftok(".", 0x52). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHOW(label, call)                                                        \
    do {                                                                         \
        errno = 0;                                                               \
        long r_ = (long)(call);                                                  \
        printf("%s -> %ld errno=%d\n", label, r_, r_ == -1 ? errno : 0);        \
    } while (0)

static int ids[2] = {-1, -1};

static void cleanup(void)
{
    for (int i = 0; i < 2; i++)
        if (ids[i] >= 0)
            shmctl(ids[i], IPC_RMID, NULL);
}

static long nattch(int id)
{
    struct shmid_ds ds;
    if (shmctl(id, IPC_STAT, &ds) == -1)
        return -1000 - errno;
    return (long)ds.shm_nattch;
}

int main(void)
{
    atexit(cleanup);
    key_t k = ftok(".", 0x52);
    int old = shmget(k, 0, 0);
    if (old >= 0)
        shmctl(old, IPC_RMID, NULL);

    ids[0] = shmget(k, 5000, IPC_CREAT | IPC_EXCL | 0600);
    if (ids[0] < 0) {
        printf("shmget failed errno=%d\n", errno);
        return 1;
    }
    printf("nattch fresh %ld\n", nattch(ids[0]));
    char *p = shmat(ids[0], NULL, 0);
    if (p == (char *)-1) {
        printf("shmat failed errno=%d\n", errno);
        return 1;
    }
    int zero = 1;
    for (int i = 0; i < 8192; i++)
        if (p[i] != 0)
            zero = 0;
    printf("aligned %d, zero-filled through 8192 %d, nattch %ld\n", (uintptr_t)p % 4096 == 0, zero, nattch(ids[0]));
    char *q = shmat(ids[0], NULL, 0);
    strcpy(p, "hello");
    printf("second attach distinct %d, sees \"%s\", nattch %ld\n", q != p, q, nattch(ids[0]));

    SHOW("shmdt(q)", shmdt(q));
    SHOW("shmdt(q) again", shmdt(q));
    SHOW("shmdt(p + 16)", shmdt(p + 16));
    SHOW("shmdt(&k)", shmdt(&k));
    SHOW("shmat(id, p + 1, 0)", shmat(ids[0], p + 1, 0) == (void *)-1 ? -1 : 0);
    printf("nattch %ld\n", nattch(ids[0]));

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        printf("child: nattch %ld, sees \"%s\"\n", nattch(ids[0]), p);
        p[0] = 'J';
        fflush(stdout);
        _exit(0);
    }
    int st;
    waitpid(c, &st, 0);
    printf("after child exit: nattch %ld, parent sees \"%s\"\n", nattch(ids[0]), p);

    printf("IPC_RMID while attached -> %d\n", shmctl(ids[0], IPC_RMID, NULL));
    struct shmid_ds ds;
    int r = shmctl(ids[0], IPC_STAT, &ds);
    printf("IPC_STAT after RMID -> %d nattch %lu dest %d key_private %d\n", r, (unsigned long)ds.shm_nattch,
           (ds.shm_perm.mode & SHM_DEST) != 0, ds.shm_perm.__key == IPC_PRIVATE);
    p[1] = 'X';
    printf("still usable: \"%s\"\n", p);
    SHOW("shmget(key, 0, 0) after RMID", shmget(k, 0, 0));
    ids[1] = shmget(k, 5000, IPC_CREAT | IPC_EXCL | 0600);
    printf("new segment with same key: ok %d, differs %d\n", ids[1] >= 0, ids[1] != ids[0]);
    char *n = shmat(ids[1], NULL, 0);
    printf("new segment byte0 %d, old still \"%s\"\n", n[0], p);
    shmdt(n);
    char *again = shmat(ids[0], NULL, 0);
    printf("shmat of removed-but-attached id: ok %d, sees \"%s\", nattch %ld\n", again != (char *)-1, again, nattch(ids[0]));
    shmdt(again);
    printf("shmdt(p) -> %d\n", shmdt(p));
    printf("nattch after last detach %ld (-1000-errno)\n", nattch(ids[0]));
    ids[0] = -1;
    printf("IPC_RMID new -> %d\n", shmctl(ids[1], IPC_RMID, NULL));
    ids[1] = -1;
    return 0;
}
