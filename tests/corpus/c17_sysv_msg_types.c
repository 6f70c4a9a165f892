/* System V message queue with message types: the child sends a mix of
   "log" (type 1), "data" (type 2) and "urgent" (type 3) messages; the
   parent first takes every urgent one, then data, then the rest in order,
   using msgrcv's type argument (positive, and negative for "lowest type
   up to"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

struct msg { long mtype; char text[32]; };

int main(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q < 0) { perror("msgget"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        const long types[] = {1, 2, 3, 2, 1, 3, 2, 1};
        for (int i = 0; i < 8; i++) {
            struct msg m;
            m.mtype = types[i];
            snprintf(m.text, sizeof m.text, "msg%d(type %ld)", i, types[i]);
            if (msgsnd(q, &m, strlen(m.text) + 1, 0) < 0) { perror("msgsnd"); _exit(1); }
        }
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    struct msqid_ds ds;
    msgctl(q, IPC_STAT, &ds);
    printf("queued messages: %lu\n", (unsigned long)ds.msg_qnum);

    struct msg m;
    ssize_t n;
    printf("urgent:");
    while ((n = msgrcv(q, &m, sizeof m.text, 3, IPC_NOWAIT)) > 0) printf(" %s", m.text);
    printf("\ndata:");
    while ((n = msgrcv(q, &m, sizeof m.text, 2, IPC_NOWAIT)) > 0) printf(" %s", m.text);
    printf("\nrest:");
    while ((n = msgrcv(q, &m, sizeof m.text, -3, IPC_NOWAIT)) > 0) printf(" %s", m.text);
    printf("\nempty: errno is ENOMSG: %d\n", errno == ENOMSG);

    m.mtype = 5; strcpy(m.text, "a rather long text");
    msgsnd(q, &m, strlen(m.text) + 1, 0);
    n = msgrcv(q, &m, 4, 0, IPC_NOWAIT);
    printf("small buffer: %d E2BIG=%d\n", (int)n, errno == E2BIG);
    n = msgrcv(q, &m, 4, 0, IPC_NOWAIT | MSG_NOERROR);
    printf("MSG_NOERROR: %d bytes '%.4s'\n", (int)n, m.text);
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
