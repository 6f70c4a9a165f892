/* Mutual exclusion with a System V semaphore: several children increment
   a counter in a shared segment many times inside P()/V() built on semop;
   the final count is exact. SEM_UNDO is used as students are told to. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define NPROC 3
#define ITER 200

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int semid;
static void P(void) { struct sembuf op = {0, -1, SEM_UNDO}; semop(semid, &op, 1); }
static void V(void) { struct sembuf op = {0, +1, SEM_UNDO}; semop(semid, &op, 1); }

int main(void)
{
    semid = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    int shmid = shmget(IPC_PRIVATE, 2 * sizeof(int), IPC_CREAT | 0600);
    if (semid < 0 || shmid < 0) { perror("get"); return 1; }
    union semun arg;
    arg.val = 1;
    semctl(semid, 0, SETVAL, arg);
    int *shared = shmat(shmid, NULL, 0);
    shared[0] = 0;   /* counter */
    shared[1] = 0;   /* max seen inside the critical section */

    for (int i = 0; i < NPROC; i++) {
        if (fork() == 0) {
            for (int k = 0; k < ITER; k++) {
                P();
                int v = shared[0];
                shared[0] = v + 1;
                V();
            }
            shmdt(shared);
            exit(0);
        }
    }
    for (int i = 0; i < NPROC; i++) wait(NULL);
    printf("counter = %d (expected %d)\n", shared[0], NPROC * ITER);
    printf("semaphore value at the end = %d\n", semctl(semid, 0, GETVAL));
    shmdt(shared);
    shmctl(shmid, IPC_RMID, NULL);
    semctl(semid, 0, IPC_RMID);
    return 0;
}
