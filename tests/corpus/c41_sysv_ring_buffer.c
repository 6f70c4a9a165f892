/* The classic bounded buffer with System V IPC: a ring in a shared
   segment, a semaphore set {mutex, empty, full}, two producers of
   different item counts and two consumers that stop at a sentinel value.
   The consumers add their totals into shared counters under the mutex;
   the parent prints the totals. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define SIZE 5
enum { MUTEX, EMPTY, FULL };
union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct ring { int buf[SIZE]; int in, out; long consumed_sum; int consumed_count; };

static int sem;
static void sop(int n, int d) { struct sembuf b = {n, d, 0}; semop(sem, &b, 1); }

static void put(struct ring *r, int v)
{
    sop(EMPTY, -1); sop(MUTEX, -1);
    r->buf[r->in] = v; r->in = (r->in + 1) % SIZE;
    sop(MUTEX, +1); sop(FULL, +1);
}

int main(void)
{
    sem = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    int shm = shmget(IPC_PRIVATE, sizeof(struct ring), IPC_CREAT | 0600);
    unsigned short init[3] = {1, SIZE, 0};
    union semun a; a.array = init;
    semctl(sem, 0, SETALL, a);
    struct ring *r = shmat(shm, NULL, 0);
    r->in = r->out = 0; r->consumed_sum = 0; r->consumed_count = 0;

    pid_t prod[2];
    for (int p = 0; p < 2; p++)
        if ((prod[p] = fork()) == 0) {
            for (int i = 1; i <= 10 + 5 * p; i++) put(r, i * (p + 1));
            _exit(0);
        }
    for (int c = 0; c < 2; c++)
        if (fork() == 0) {
            long sum = 0; int n = 0;
            for (;;) {
                sop(FULL, -1); sop(MUTEX, -1);
                int v = r->buf[r->out]; r->out = (r->out + 1) % SIZE;
                sop(MUTEX, +1); sop(EMPTY, +1);
                if (v < 0) break;
                sum += v; n++;
            }
            sop(MUTEX, -1);
            r->consumed_sum += sum; r->consumed_count += n;
            sop(MUTEX, +1);
            _exit(0);
        }
    for (int p = 0; p < 2; p++) waitpid(prod[p], NULL, 0);
    put(r, -1); put(r, -1);          /* one sentinel per consumer */
    while (wait(NULL) > 0)
        ;
    printf("items consumed %d, sum %ld\n", r->consumed_count, r->consumed_sum);
    printf("semaphores: mutex %d empty %d full %d\n", semctl(sem, MUTEX, GETVAL),
           semctl(sem, EMPTY, GETVAL), semctl(sem, FULL, GETVAL));
    shmdt(r);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
