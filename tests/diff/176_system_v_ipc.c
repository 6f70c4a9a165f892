/* System V IPC against glibc and Linux: a segment shared by fork, a
   semaphore set used as a mutex with SEM_UNDO by two children, typed
   messages (by type, then the first), IPC_NOWAIT, E2BIG and MSG_NOERROR,
   wait-for-zero, GETALL, IPC_STAT, IPC_RMID, ENOENT for a missing key. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

union semun { int val; struct semid_ds *buf; unsigned short *array; };
struct msg { long type; char text[32]; };

int main(void) {
    int shm = shmget(IPC_PRIVATE, 100, IPC_CREAT | 0600);
    int *p = shmat(shm, NULL, 0);
    int sem = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600);
    union semun u; u.val = 1;
    semctl(sem, 0, SETVAL, u);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    printf("ids: shm %d sem %d q %d\n", shm >= 0, sem >= 0, q >= 0);
    *p = 0;
    for (int k = 0; k < 2; k++) {
        if (fork() == 0) {
            struct sembuf down = {0, -1, SEM_UNDO}, up = {0, 1, SEM_UNDO};
            for (int j = 0; j < 50; j++) {
                semop(sem, &down, 1);
                *p = *p + 1;
                semop(sem, &up, 1);
            }
            struct msg m = {k + 1, ""};
            snprintf(m.text, sizeof m.text, "child %d done", k);
            msgsnd(q, &m, strlen(m.text) + 1, 0);
            shmdt(p);
            return 0;
        }
    }
    struct msg m;
    ssize_t n = msgrcv(q, &m, sizeof m.text, 2, 0);
    printf("type 2 first: %zd %s\n", n, m.text);
    n = msgrcv(q, &m, sizeof m.text, 0, 0);
    printf("then: %zd %s (type %ld)\n", n, m.text, m.type);
    while (wait(NULL) > 0) {}
    printf("counter %d, sem %d\n", *p, semctl(sem, 0, GETVAL));
    struct shmid_ds ds;
    shmctl(shm, IPC_STAT, &ds);
    printf("segsz %zu nattch %lu\n", ds.shm_segsz, ds.shm_nattch);
    printf("nowait: %zd %d\n", msgrcv(q, &m, sizeof m.text, 0, IPC_NOWAIT), errno == ENOMSG);
    struct msg big = {1, "0123456789"};
    msgsnd(q, &big, 11, 0);
    printf("E2BIG: %zd %d\n", msgrcv(q, &m, 5, 0, 0), errno == E2BIG);
    printf("NOERROR: %zd %.5s\n", msgrcv(q, &m, 5, 0, MSG_NOERROR), m.text);
    struct sembuf zero = {1, 0, IPC_NOWAIT}, inc = {1, 2, 0};
    semop(sem, &inc, 1);
    printf("wait-zero nowait: %d %d\n", semop(sem, &zero, 1), errno == EAGAIN);
    unsigned short all[2];
    semctl(sem, 0, GETALL, all);
    printf("all %d %d\n", all[0], all[1]);
    shmdt(p);
    shmctl(shm, IPC_RMID, NULL);
    semctl(sem, 0, IPC_RMID);
    msgctl(q, IPC_RMID, NULL);
    printf("after rmid: %d %d\n", semctl(sem, 0, GETVAL), errno == EINVAL || errno == EIDRM);
    printf("missing key: %d %d\n", shmget(0x1234abcd, 10, 0), errno == ENOENT);
    return 0;
}
