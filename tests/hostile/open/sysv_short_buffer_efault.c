/* System V calls that write past a too-small object (semctl GETALL of 5 values into unsigned short[2]; msgrcv of 100 bytes into a 4-byte mtext) quietly return -1 EFAULT in ipcsim, a result Linux never gives here (it overflows the stack object). read() with the same mistake is reported as "stack buffer overflow by read()" (R0106). Expected: the same out-of-bounds diagnostic for the System V calls (semop with nsops past the array, SETALL from a short array likewise). Run: ipcsim run sysv_short_buffer_efault.c */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/msg.h>
union semun { int val; struct semid_ds *buf; unsigned short *array; };
int main(void) {
    int s = semget(IPC_PRIVATE, 5, 0600);
    unsigned short two[2];
    union semun u; u.array = two;
    errno = 0; int r = semctl(s, 0, GETALL, u);
    printf("GETALL of 5 into unsigned short[2]: %d %d\n", r, errno);
    semctl(s, 0, IPC_RMID);
    int q = msgget(IPC_PRIVATE, 0600);
    struct { long t; char c[100]; } big = {1, "x"};
    msgsnd(q, &big, 100, 0);
    struct { long t; char c[4]; } small;
    errno = 0; r = msgrcv(q, &small, 100, 0, 0);
    printf("msgrcv of 100 bytes into char[4]: %d %d\n", r, errno);
    msgctl(q, IPC_RMID, NULL);
    char b[4];
    int p[2]; pipe(p); write(p[1], "0123456789", 10);
    fflush(stdout); r = read(p[0], b, 10);
    printf("read %d\n", r);
    return 0;
}
