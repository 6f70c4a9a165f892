/* The bounded buffer in System V IPC: a segment from shmget/shmat holds
   the buffer, a set of three semaphores from semget counts free slots
   and items and guards the indices. Only the mutex uses SEM_UNDO: undoing
   a counting semaphore at exit would take back the items a producer
   made (ipcsim finds that deadlock). Two producers, one consumer; every
   object is removed at the end.
   schedule-independent: the consumer always gets all six items. */
#include <stdio.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 4
#define ITEMS 3
enum { EMPTY, FULL, MUTEX };

union semun { int val; struct semid_ds *buf; unsigned short *array; };

struct ring {
    int buffer[N];
    int in, out;
};

static void change(int sem, int which, int by) {
    struct sembuf op = {which, by, which == MUTEX ? SEM_UNDO : 0};
    semop(sem, &op, 1);
}

int main(void) {
    int shm = shmget(IPC_PRIVATE, sizeof(struct ring), IPC_CREAT | 0600);
    struct ring *r = shmat(shm, NULL, 0);
    r->in = r->out = 0;
    int sem = semget(IPC_PRIVATE, 3, IPC_CREAT | 0600);
    unsigned short init[3] = {N, 0, 1};
    union semun arg;
    arg.array = init;
    semctl(sem, 0, SETALL, arg);
    for (int p = 0; p < 2; p++) {
        if (fork() == 0) {
            for (int k = 0; k < ITEMS; k++) {
                change(sem, EMPTY, -1);
                change(sem, MUTEX, -1);
                r->buffer[r->in] = 1 + 10 * p + k;
                r->in = (r->in + 1) % N;
                change(sem, MUTEX, 1);
                change(sem, FULL, 1);
            }
            shmdt(r);
            return 0;
        }
    }
    int sum = 0;
    for (int k = 0; k < 2 * ITEMS; k++) {
        change(sem, FULL, -1);
        sum += r->buffer[r->out];
        r->out = (r->out + 1) % N;
        change(sem, EMPTY, 1);
    }
    while (wait(NULL) > 0) {
    }
    printf("consumer received all %d items (sum %d)\n", 2 * ITEMS, sum);
    shmdt(r);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return sum == 1 + 2 + 3 + 11 + 12 + 13 ? 0 : 1;
}
