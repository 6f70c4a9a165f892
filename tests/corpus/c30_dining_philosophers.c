/* Dining philosophers as processes with a System V semaphore set: one
   semaphore per fork and a "room" semaphore admitting N-1 philosophers,
   so there is no deadlock. Each philosopher eats MEALS times, taking both
   forks in one atomic semop as well as in two steps; the meal counters in
   shared memory are updated under a mutex. Only totals are printed. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>

#define N 5
#define MEALS 6
#define ROOM N
#define MUTEX (N + 1)

union semun { int val; struct semid_ds *buf; unsigned short *array; };

static int sem;
static void change(int num, int d) { struct sembuf b = {num, d, 0}; semop(sem, &b, 1); }

int main(void)
{
    sem = semget(IPC_PRIVATE, N + 2, IPC_CREAT | 0600);
    int shm = shmget(IPC_PRIVATE, (N + 1) * sizeof(int), IPC_CREAT | 0600);
    unsigned short init[N + 2];
    for (int i = 0; i < N; i++) init[i] = 1;
    init[ROOM] = N - 1;
    init[MUTEX] = 1;
    union semun arg;
    arg.array = init;
    semctl(sem, 0, SETALL, arg);
    int *meals = shmat(shm, NULL, 0);
    for (int i = 0; i <= N; i++) meals[i] = 0;

    for (int p = 0; p < N; p++) {
        if (fork() == 0) {
            int left = p, right = (p + 1) % N;
            for (int m = 0; m < MEALS; m++) {
                if (m % 2 == 0) {
                    change(ROOM, -1);
                    change(left, -1);
                    change(right, -1);
                } else {
                    struct sembuf both[2] = {{left, -1, 0}, {right, -1, 0}};
                    semop(sem, both, 2);
                }
                change(MUTEX, -1);
                meals[p]++;
                meals[N]++;          /* total */
                change(MUTEX, +1);
                change(left, +1);
                change(right, +1);
                if (m % 2 == 0) change(ROOM, +1);
            }
            shmdt(meals);
            _exit(0);
        }
    }
    for (int p = 0; p < N; p++) wait(NULL);
    int all_full = 1;
    for (int p = 0; p < N; p++) if (meals[p] != MEALS) all_full = 0;
    printf("philosophers: %d, meals eaten: %d, everyone ate %d times: %s\n",
           N, meals[N], MEALS, all_full ? "yes" : "no");
    int free_forks = 0;
    for (int i = 0; i < N; i++) free_forks += semctl(sem, i, GETVAL);
    printf("forks on the table: %d, room: %d\n", free_forks, semctl(sem, ROOM, GETVAL));
    shmdt(meals);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    return 0;
}
