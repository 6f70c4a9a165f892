/* pins SEM_UNDO and IPC_RMID with blocked waiters: a child's SEM_UNDO adjustments are reverted when it exits
   (-2 undone to +2; +4 undone after a plain -1 leaves 3-4 -> clamped to 0); SETVAL clears the pending undo for that
   semaphore (the exiting child's +5 is not reverted after SETVAL 2); a child blocked on semop(-1) counts in GETNCNT, one
   blocked on wait-for-zero counts in GETZCNT; IPC_RMID wakes both with -1 EIDRM (43).
   The parent polls GETNCNT/GETZCNT until the children are blocked, so there is no timing race. Uses IPC_PRIVATE. */
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

static int s = -1;

static void cleanup(void)
{
    if (s >= 0)
        semctl(s, 0, IPC_RMID);
}

static int setval(int n, int v)
{
    union semun u;
    u.val = v;
    return semctl(s, n, SETVAL, u);
}

static void vals(const char *when)
{
    printf("  %s: sem0=%d sem1=%d\n", when, semctl(s, 0, GETVAL), semctl(s, 1, GETVAL));
}

static int wait_count(int cmd, int n, int want)
{
    for (int i = 0; i < 20000; i++) {
        if (semctl(s, n, cmd) == want)
            return 1;
        usleep(500);
    }
    return 0;
}

static int child_code(pid_t c)
{
    int st;
    if (waitpid(c, &st, 0) != c)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
}

int main(void)
{
    /* cleanup at the end */
    s = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    if (s < 0) {
        printf("semget failed errno=%d\n", errno);
        return 1;
    }
    setval(0, 3);
    vals("start");
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        struct sembuf a[2] = {{0, -2, SEM_UNDO}, {1, 4, SEM_UNDO}};
        struct sembuf b = {1, -1, 0};
        int r1 = semop(s, a, 2);
        int r2 = semop(s, &b, 1);
        printf("child: semop undo -> %d, plain -> %d, sem0=%d sem1=%d\n", r1, r2, semctl(s, 0, GETVAL),
               semctl(s, 1, GETVAL));
        fflush(stdout);
        _exit(0);
    }
    printf("child exit %d\n", child_code(c));
    vals("after undo at exit");

    setval(0, 1);
    setval(1, 0);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        struct sembuf a = {1, 5, SEM_UNDO};
        struct sembuf w = {0, 0, 0};
        semop(s, &a, 1);
        semop(s, &w, 1); /* wait until the parent sets sem0 to 0 */
        _exit(0);
    }
    printf("child waiting for zero: %d\n", wait_count(GETZCNT, 0, 1));
    printf("sem1 after child +5: %d\n", semctl(s, 1, GETVAL));
    setval(1, 2);
    setval(0, 0);
    printf("child exit %d\n", child_code(c));
    vals("after SETVAL cleared the undo");

    setval(0, 0);
    setval(1, 1);
    fflush(stdout);
    pid_t c1 = fork();
    if (c1 == 0) {
        struct sembuf d = {0, -1, 0};
        errno = 0;
        int r = semop(s, &d, 1);
        _exit(r == -1 ? errno : 0);
    }
    pid_t c2 = fork();
    if (c2 == 0) {
        struct sembuf z = {1, 0, 0};
        errno = 0;
        int r = semop(s, &z, 1);
        _exit(r == -1 ? errno : 0);
    }
    int ok1 = wait_count(GETNCNT, 0, 1);
    int ok2 = wait_count(GETZCNT, 1, 1);
    printf("blocked: ncnt(0)=%d zcnt(1)=%d ncnt(1)=%d zcnt(0)=%d (%d %d)\n", semctl(s, 0, GETNCNT),
           semctl(s, 1, GETZCNT), semctl(s, 1, GETNCNT), semctl(s, 0, GETZCNT), ok1, ok2);
    printf("IPC_RMID -> %d\n", semctl(s, 0, IPC_RMID));
    int gone = s;
    s = -1;
    printf("decrementer woke with errno %d, zero-waiter woke with errno %d (EIDRM %d)\n", child_code(c1),
           child_code(c2), EIDRM);
    errno = 0;
    int r = semctl(gone, 0, GETVAL);
    printf("GETVAL after RMID -> %d errno=%d\n", r, r == -1 ? errno : 0);
    cleanup();
    return 0;
}
