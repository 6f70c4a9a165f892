/* pins semget/semctl/semop values and errors: the program must define union semun itself; nsems 0 / negative / > semmsl
   (32000) -> EINVAL, 32000 ok; existing key: more nsems -> EINVAL, fewer or 0 -> same id, CREAT|EXCL -> EEXIST;
   missing key: nsems 0 -> ENOENT but nsems -5 or 40000 -> EINVAL (nsems range is checked before the lookup);
   a new set's values are 0; SETVAL/GETVAL/SETALL/GETALL; SETVAL 32768 or -1 -> ERANGE; SETALL with one value > 32767 ->
   ERANGE and nothing changes; sem_num out of range -> EINVAL for semctl, EFBIG for semop (even when an earlier sop would block); semop is all-or-nothing across
   its sops, which are applied in order (+2 then -3 on 1 succeeds; -1,-1 on 0 fails; -2,+2 on 1 fails);
   the first failing sop decides the error (EAGAIN vs ERANGE); +1 at 32767 -> ERANGE even with IPC_NOWAIT;
   wait-for-zero with IPC_NOWAIT on a nonzero value -> EAGAIN; nsops 0 -> EINVAL, nsops 501 > semopm -> E2BIG;
   GETNCNT/GETZCNT/GETPID on a fresh set -> 0. Key: ftok(".", 0x57). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

#define SHOW(label, call)                                                        \
    do {                                                                         \
        errno = 0;                                                               \
        long r_ = (long)(call);                                                  \
        printf("%-40s -> %ld errno=%d\n", label, r_, r_ == -1 ? errno : 0);      \
    } while (0)

static int ids[3] = {-1, -1, -1};

static void cleanup(void)
{
    for (int i = 0; i < 3; i++)
        if (ids[i] >= 0)
            semctl(ids[i], 0, IPC_RMID);
}

static void show_all(int s, const char *when)
{
    unsigned short v[3] = {9, 9, 9};
    union semun u;
    u.array = v;
    int r = semctl(s, 0, GETALL, u);
    printf("  %s: GETALL -> %d  [%u %u %u]\n", when, r, v[0], v[1], v[2]);
}

static int setval(int s, int n, int v)
{
    union semun u;
    u.val = v;
    return semctl(s, n, SETVAL, u);
}

int main(void)
{
    atexit(cleanup);
    key_t k = ftok(".", 0x57);
    int old = semget(k, 0, 0);
    if (old >= 0)
        semctl(old, 0, IPC_RMID);

    SHOW("semget(PRIVATE, 0)", semget(IPC_PRIVATE, 0, IPC_CREAT | 0600));
    SHOW("semget(PRIVATE, -1)", semget(IPC_PRIVATE, -1, IPC_CREAT | 0600));
    SHOW("semget(PRIVATE, 32001)", semget(IPC_PRIVATE, 32001, IPC_CREAT | 0600));
    ids[2] = semget(IPC_PRIVATE, 32000, IPC_CREAT | 0600);
    printf("semget(PRIVATE, 32000) ok %d\n", ids[2] >= 0);
    if (ids[2] >= 0) {
        semctl(ids[2], 0, IPC_RMID);
        ids[2] = -1;
    }
    SHOW("semget(key, 0, 0) missing", semget(k, 0, 0));
    SHOW("semget(key, -5, 0) missing", semget(k, -5, 0));
    SHOW("semget(key, 40000, 0) missing", semget(k, 40000, 0));
    SHOW("semget(key, 0, CREAT) missing", semget(k, 0, IPC_CREAT | 0600));
    ids[0] = semget(k, 3, IPC_CREAT | IPC_EXCL | 0600);
    if (ids[0] < 0) {
        printf("semget failed errno=%d\n", errno);
        return 1;
    }
    int s = ids[0];
    SHOW("semget(key, 4, 0) existing", semget(k, 4, 0));
    printf("semget(key, 2, 0) same id %d\n", semget(k, 2, 0) == s);
    printf("semget(key, 0, 0) same id %d\n", semget(k, 0, 0) == s);
    SHOW("semget(key, 3, CREAT|EXCL)", semget(k, 3, IPC_CREAT | IPC_EXCL | 0600));

    show_all(s, "new set");
    struct semid_ds ds;
    union semun u;
    u.buf = &ds;
    SHOW("IPC_STAT", semctl(s, 0, IPC_STAT, u));
    printf("  sem_nsems=%lu otime=%ld mode=%#o\n", (unsigned long)ds.sem_nsems, (long)ds.sem_otime,
           (unsigned)(ds.sem_perm.mode & 0777));
    SHOW("GETNCNT", semctl(s, 0, GETNCNT));
    SHOW("GETZCNT", semctl(s, 0, GETZCNT));
    SHOW("GETPID", semctl(s, 0, GETPID));
    SHOW("SETVAL 5", setval(s, 0, 5));
    SHOW("GETVAL", semctl(s, 0, GETVAL));
    SHOW("SETVAL 32767", setval(s, 1, 32767));
    SHOW("SETVAL 32768", setval(s, 1, 32768));
    SHOW("SETVAL -1", setval(s, 1, -1));
    SHOW("SETVAL semnum 3", setval(s, 3, 1));
    SHOW("GETVAL semnum -1", semctl(s, -1, GETVAL));
    SHOW("semctl bad cmd 12345", semctl(s, 0, 12345));
    unsigned short a[3] = {1, 2, 3};
    u.array = a;
    SHOW("SETALL 1 2 3", semctl(s, 0, SETALL, u));
    unsigned short bad[3] = {4, 40000, 6};
    u.array = bad;
    SHOW("SETALL 4 40000 6", semctl(s, 0, SETALL, u));
    show_all(s, "after bad SETALL");

    struct sembuf three[3] = {{0, -1, 0}, {1, -5, IPC_NOWAIT}, {2, 1, 0}};
    SHOW("semop {-1, -5 NOWAIT, +1}", semop(s, three, 3));
    show_all(s, "unchanged");
    three[1].sem_op = -2;
    SHOW("semop {-1, -2, +1}", semop(s, three, 3));
    show_all(s, "applied");
    struct sembuf twice[2] = {{0, -1, IPC_NOWAIT}, {0, -1, IPC_NOWAIT}};
    SHOW("semop {0:-1, 0:-1} on 0", semop(s, twice, 2));
    setval(s, 0, 1);
    struct sembuf pm[2] = {{0, -2, IPC_NOWAIT}, {0, 2, IPC_NOWAIT}};
    SHOW("semop {0:-2, 0:+2} on 1", semop(s, pm, 2));
    struct sembuf mp[2] = {{0, 2, IPC_NOWAIT}, {0, -3, IPC_NOWAIT}};
    SHOW("semop {0:+2, 0:-3} on 1", semop(s, mp, 2));
    show_all(s, "after +2,-3");
    setval(s, 1, 32767);
    struct sembuf ae[2] = {{0, -1, IPC_NOWAIT}, {1, 1, IPC_NOWAIT}};
    SHOW("semop {0:-1 on 0, 1:+1 on 32767}", semop(s, ae, 2));
    struct sembuf ea[2] = {{1, 1, IPC_NOWAIT}, {0, -1, IPC_NOWAIT}};
    SHOW("semop {1:+1 on 32767, 0:-1 on 0}", semop(s, ea, 2));
    struct sembuf up = {1, 1, 0};
    SHOW("semop 1:+1 on 32767 (blocking flag)", semop(s, &up, 1));
    struct sembuf big = {0, -32767, IPC_NOWAIT};
    SHOW("semop 0:-32767 NOWAIT", semop(s, &big, 1));
    setval(s, 2, 3);
    struct sembuf z = {2, 0, IPC_NOWAIT};
    SHOW("semop wait-zero NOWAIT on 3", semop(s, &z, 1));
    z.sem_num = 0;
    SHOW("semop wait-zero NOWAIT on 0", semop(s, &z, 1));
    struct sembuf far[2] = {{0, -1, IPC_NOWAIT}, {7, 1, IPC_NOWAIT}};
    SHOW("semop sem_num 7", semop(s, far, 2));
    SHOW("semop nsops 0", semop(s, far, 0));
    struct sembuf many[501];
    for (int i = 0; i < 501; i++) {
        many[i].sem_num = 0;
        many[i].sem_op = 1;
        many[i].sem_flg = IPC_NOWAIT;
    }
    SHOW("semop nsops 501", semop(s, many, 501));
    SHOW("semop nsops 500 (+500 on 0)", semop(s, many, 500));
    SHOW("GETVAL 0", semctl(s, 0, GETVAL));
    printf("GETPID is me: %d\n", semctl(s, 0, GETPID) == getpid());
    u.buf = &ds;
    semctl(s, 0, IPC_STAT, u);
    printf("otime set: %d\n", ds.sem_otime != 0);

    SHOW("IPC_RMID", semctl(s, 0, IPC_RMID));
    ids[0] = -1;
    SHOW("GETVAL after RMID", semctl(s, 0, GETVAL));
    SHOW("semop after RMID", semop(s, &up, 1));
    SHOW("IPC_RMID again", semctl(s, 0, IPC_RMID));
    return 0;
}
