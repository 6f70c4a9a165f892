/* pins which blocked semop waiter proceeds: waiters are made to block one at a time in a known order (the parent polls
   GETNCNT/GETZCNT before starting the next), then the parent releases units and reaps whoever finished.
   Equal -1 waiters wake in FIFO order; a -2 waiter at the head does not block a later -1 waiter when only 1 unit is
   available (no strict FIFO: the first waiter that can proceed goes); when a decrement brings the value to 0,
   all wait-for-zero waiters proceed. Uses IPC_PRIVATE. Each child exits with its index. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

union semun {
    int val;
    struct semid_ds *buf;
    unsigned short *array;
};

#define N 5

static int s = -1;
static pid_t kids[N];

static void cleanup(void)
{
    if (s >= 0)
        semctl(s, 0, IPC_RMID);
}

static int wait_blocked(int want_n, int want_z)
{
    for (int i = 0; i < 20000; i++) {
        if (semctl(s, 0, GETNCNT) == want_n && semctl(s, 0, GETZCNT) == want_z)
            return 1;
        usleep(500);
    }
    return 0;
}

static void spawn(const int *ops)
{
    int nc = 0, zc = 0;
    for (int i = 0; i < N; i++) {
        fflush(stdout);
        kids[i] = fork();
        if (kids[i] == 0) {
            struct sembuf b = {0, (short)ops[i], 0};
            _exit(semop(s, &b, 1) == 0 ? i : 50 + errno);
        }
        if (ops[i] < 0)
            nc++;
        else
            zc++;
        if (!wait_blocked(nc, zc))
            printf("waiter %d did not block\n", i);
    }
}

/* reap every child that has finished once the counts settle at (n, z); print their indices in ascending order */
static void reap(int n, int z)
{
    wait_blocked(n, z);
    int done[N] = {0};
    for (int i = 0; i < N; i++) {
        if (kids[i] <= 0)
            continue;
        int st;
        pid_t p = waitpid(kids[i], &st, WNOHANG);
        if (p == 0)
            continue;
        done[i] = 1 + (WIFEXITED(st) ? WEXITSTATUS(st) : 100);
        kids[i] = 0;
    }
    printf(" woke:");
    for (int i = 0; i < N; i++)
        if (done[i])
            printf(" w%d(exit %d)", i, done[i] - 1);
    printf(" val=%d\n", semctl(s, 0, GETVAL));
}

static void release(int delta, int n_after, int z_after)
{
    struct sembuf b = {0, (short)delta, 0};
    semop(s, &b, 1);
    printf("  op %+d ->", delta);
    /* a woken waiter leaves the wait queue before it exits: wait for the exit too */
    for (int i = 0; i < 20000; i++) {
        int alive = 0;
        for (int j = 0; j < N; j++)
            if (kids[j] > 0) {
                siginfo_t si;
                si.si_pid = 0;
                if (waitid(P_PID, kids[j], &si, WEXITED | WNOHANG | WNOWAIT) == 0 && si.si_pid == 0)
                    alive++;
            }
        if (alive == n_after + z_after)
            break;
        usleep(500);
    }
    reap(n_after, z_after);
}

int main(void)
{
    atexit(cleanup);
    s = semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
    if (s < 0) {
        printf("semget failed errno=%d\n", errno);
        return 1;
    }
    union semun u;

    int r0[N] = {-1, -1, -1, -1, -1};
    printf("round 1: waiters -1 -1 -1 -1 -1, value 0\n");
    u.val = 0;
    semctl(s, 0, SETVAL, u);
    spawn(r0);
    for (int k = 4; k >= 0; k--)
        release(1, k, 0);

    int r1[N] = {-2, -1, -1, -3, -1};
    printf("round 2: waiters -2 -1 -1 -3 -1, value 0\n");
    spawn(r1);
    release(1, 4, 0);
    release(1, 3, 0);
    release(1, 2, 0);
    release(2, 1, 0);
    release(3, 0, 0);

    int r2[N] = {0, -2, 0, -2, 0};
    printf("round 3: waiters 0 -2 0 -2 0, value 1\n");
    u.val = 1;
    semctl(s, 0, SETVAL, u);
    spawn(r2);
    release(1, 1, 0);
    release(2, 0, 0);

    printf("IPC_RMID -> %d\n", semctl(s, 0, IPC_RMID));
    s = -1;
    return 0;
}
