/* pins shmget/shmctl error matrix on Linux: size 0 -> EINVAL; size > shmmax -> EINVAL;
   missing key without IPC_CREAT -> ENOENT (size is NOT checked first: size 0 or (size_t)-1 still ENOENT);
   missing key with IPC_CREAT and size 0 -> EINVAL; IPC_CREAT|IPC_EXCL on existing key -> EEXIST (even with a larger size);
   existing key with a larger size -> EINVAL, with a smaller or zero size -> the same id; flags 0 on an existing key -> same id;
   IPC_PRIVATE always creates (even without IPC_CREAT) and never returns an existing id;
   shmctl IPC_STAT of a fresh segment (shm_segsz exact, nattch 0, mode, cpid, lpid 0);
   shmctl on a removed id / id -1 -> EINVAL; a second IPC_RMID -> EINVAL. Key: ftok(".", 0x51). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <unistd.h>

static int ids[4] = {-1, -1, -1, -1};

static void cleanup(void)
{
    for (int i = 0; i < 4; i++)
        if (ids[i] >= 0)
            shmctl(ids[i], IPC_RMID, NULL);
}

static void show(const char *what, long r)
{
    printf("%-44s -> %ld errno=%d\n", what, r, r == -1 ? errno : 0);
}

int main(void)
{
    /* cleanup at the end */
    key_t k = ftok(".", 0x51);
    if (k == -1) {
        printf("ftok failed errno=%d\n", errno);
        return 1;
    }
    /* remove a leftover from an interrupted earlier run, silently */
    int old = shmget(k, 0, 0);
    if (old >= 0)
        shmctl(old, IPC_RMID, NULL);

    errno = 0; show("shmget(PRIVATE, 0, CREAT)", shmget(IPC_PRIVATE, 0, IPC_CREAT | 0600));
    errno = 0; show("shmget(PRIVATE, (size_t)-1, CREAT)", shmget(IPC_PRIVATE, (size_t)-1, IPC_CREAT | 0600));
    errno = 0; show("shmget(key, 100, 0600) missing", shmget(k, 100, 0600));
    errno = 0; show("shmget(key, 0, 0600) missing", shmget(k, 0, 0600));
    errno = 0; show("shmget(key, (size_t)-1, 0600) missing", shmget(k, (size_t)-1, 0600));
    errno = 0; show("shmget(key, 0, CREAT) missing", shmget(k, 0, IPC_CREAT | 0600));
    errno = 0; show("shmget(key, 100, EXCL) missing, no CREAT", shmget(k, 100, IPC_EXCL | 0600));

    ids[0] = shmget(k, 100, IPC_CREAT | 0600);
    printf("create key 100 bytes ok=%d\n", ids[0] >= 0);
    if (ids[0] < 0)
        return 1;
    int r;
    errno = 0; show("shmget(key, 100, CREAT|EXCL)", shmget(k, 100, IPC_CREAT | IPC_EXCL | 0600));
    errno = 0; show("shmget(key, 4096, CREAT|EXCL)", shmget(k, 4096, IPC_CREAT | IPC_EXCL | 0600));
    errno = 0; show("shmget(key, 101, 0600) larger", shmget(k, 101, 0600));
    errno = 0; show("shmget(key, 101, CREAT) larger", shmget(k, 101, IPC_CREAT | 0600));
    r = shmget(k, 50, 0600); printf("shmget(key, 50) smaller: same id %d\n", r == ids[0]);
    r = shmget(k, 0, 0);     printf("shmget(key, 0, 0): same id %d\n", r == ids[0]);
    r = shmget(k, 100, IPC_CREAT | 0600); printf("shmget(key, 100, CREAT) existing: same id %d\n", r == ids[0]);

    ids[1] = shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600);
    ids[2] = shmget(IPC_PRIVATE, 100, 0600); /* no IPC_CREAT: still creates */
    printf("private ids valid %d %d, all distinct %d\n", ids[1] >= 0, ids[2] >= 0,
           ids[1] != ids[0] && ids[2] != ids[0] && ids[1] != ids[2]);

    struct shmid_ds ds;
    r = shmctl(ids[2], IPC_STAT, &ds);
    printf("IPC_STAT -> %d segsz=%zu nattch=%lu mode=%#o cpid_is_me=%d lpid=%d key_private=%d\n", r,
           (size_t)ds.shm_segsz, (unsigned long)ds.shm_nattch, (unsigned)(ds.shm_perm.mode & 0777),
           ds.shm_cpid == getpid(), (int)ds.shm_lpid, ds.shm_perm.__key == IPC_PRIVATE);
    r = shmctl(ids[0], IPC_STAT, &ds);
    printf("IPC_STAT keyed -> %d segsz=%zu key_matches=%d\n", r, (size_t)ds.shm_segsz, ds.shm_perm.__key == k);

    for (int i = 0; i < 3; i++) {
        r = shmctl(ids[i], IPC_RMID, NULL);
        printf("IPC_RMID #%d -> %d\n", i, r);
    }
    int gone = ids[0];
    ids[0] = ids[1] = ids[2] = -1;
    errno = 0; show("shmctl(removed, IPC_STAT)", shmctl(gone, IPC_STAT, &ds));
    errno = 0; show("shmctl(removed, IPC_RMID)", shmctl(gone, IPC_RMID, NULL));
    errno = 0; show("shmctl(-1, IPC_RMID)", shmctl(-1, IPC_RMID, NULL));
    errno = 0; show("shmget(key, 100, 0600) after RMID", shmget(k, 100, 0600));
    cleanup();
    return 0;
}
