/* System V shared memory: a segment (IPC_PRIVATE) holds one result slot
   per child; each child computes the sum of squares of its range and
   writes only its slot; the parent waits, adds up, checks shm_nattch and
   removes the segment. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define NCHILD 4
#define RANGE 25

struct results { int done[NCHILD]; long sum[NCHILD]; };

int main(void)
{
    int id = shmget(IPC_PRIVATE, sizeof(struct results), IPC_CREAT | 0600);
    if (id < 0) { perror("shmget"); return 1; }
    struct results *r = shmat(id, NULL, 0);
    if (r == (void *)-1) { perror("shmat"); return 1; }
    for (int i = 0; i < NCHILD; i++) { r->done[i] = 0; r->sum[i] = 0; }

    for (int i = 0; i < NCHILD; i++) {
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); exit(1); }
        if (pid == 0) {
            long s = 0;
            for (int k = i * RANGE + 1; k <= (i + 1) * RANGE; k++) s += (long)k * k;
            r->sum[i] = s;
            r->done[i] = 1;
            shmdt(r);
            _exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    struct shmid_ds ds;
    shmctl(id, IPC_STAT, &ds);
    printf("attached now: %d, segment size >= %d: %d\n", (int)ds.shm_nattch,
           (int)sizeof(struct results), ds.shm_segsz >= sizeof(struct results));
    long total = 0;
    for (int i = 0; i < NCHILD; i++) {
        printf("child %d: done=%d sum=%ld\n", i, r->done[i], r->sum[i]);
        total += r->sum[i];
    }
    long n = NCHILD * RANGE;
    printf("total %ld, formula %ld\n", total, n * (n + 1) * (2 * n + 1) / 6);
    shmdt(r);
    if (shmctl(id, IPC_RMID, NULL) < 0) { perror("shmctl"); return 1; }
    printf("removed: shmat again fails: %d\n", shmat(id, NULL, 0) == (void *)-1);
    return 0;
}
