/* Fixed (issue 9/10 hostile review), was: shmctl(IPC_SET) and semctl(IPC_SET) with a NULL or wild buffer return 0 in ipcsim (the buffer is never read); Linux returns -1 EFAULT, as ipcsim already does for msgctl. Run: ipcsim run sysv_ipc_set_bad_pointer.c */
#include <stdio.h>
#include <errno.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <sys/msg.h>
#include <sys/sem.h>
int main(void) {
    int m = shmget(IPC_PRIVATE, 10, 0600), q = msgget(IPC_PRIVATE, 0600), s = semget(IPC_PRIVATE, 1, 0600), r;
    errno = 0; r = shmctl(m, IPC_SET, (struct shmid_ds *)8); printf("shmctl IPC_SET wild: %d %d\n", r, errno);
    errno = 0; r = msgctl(q, IPC_SET, (struct msqid_ds *)8); printf("msgctl IPC_SET wild: %d %d\n", r, errno);
    errno = 0; r = semctl(s, 0, IPC_SET, (struct semid_ds *)8); printf("semctl IPC_SET wild: %d %d\n", r, errno);
    errno = 0; r = shmctl(m, IPC_SET, NULL); printf("shmctl IPC_SET NULL: %d %d\n", r, errno);
    errno = 0; r = msgctl(q, IPC_SET, NULL); printf("msgctl IPC_SET NULL: %d %d\n", r, errno);
    errno = 0; r = semctl(s, 0, IPC_SET, (struct semid_ds *)NULL); printf("semctl IPC_SET NULL: %d %d\n", r, errno);
    shmctl(m, IPC_RMID, NULL); msgctl(q, IPC_RMID, NULL); semctl(s, 0, IPC_RMID);
    return 0;
}
