/* pins message-queue capacity: msg_qbytes defaults to msgmnb (16384) and limits the sum of payload bytes only (the mtype
   and headers are not counted): 163 messages of 100 bytes fit (16300), the next -> EAGAIN with IPC_NOWAIT, while a 84-byte
   one still fits; the number of messages is also capped at msg_qbytes (16384 empty messages fit, the next -> EAGAIN);
   IPC_SET can lower msg_qbytes (then 2 x 100 + 50 fit in 250, 51 more -> EAGAIN); msg_qbytes 0 refuses even a 0-byte message;
   raising msg_qbytes above msgmnb -> EPERM on this machine (root lacks CAP_SYS_RESOURCE);
   a receiver blocked in msgrcv in a child gets the message sent later by the parent. Uses IPC_PRIVATE. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHOW(label, call)                                                        \
    do {                                                                         \
        errno = 0;                                                               \
        long r_ = (long)(call);                                                  \
        printf("%-36s -> %ld errno=%d\n", label, r_, r_ == -1 ? errno : 0);      \
    } while (0)

struct msg {
    long mtype;
    char text[8192];
};

static int q = -1;
static struct msg m;

static void cleanup(void)
{
    if (q >= 0)
        msgctl(q, IPC_RMID, NULL);
}

static void stat_q(const char *when)
{
    struct msqid_ds ds;
    if (msgctl(q, IPC_STAT, &ds) == 0)
        printf("  %s: qnum=%lu cbytes=%lu qbytes=%lu\n", when, (unsigned long)ds.msg_qnum,
               (unsigned long)ds.__msg_cbytes, (unsigned long)ds.msg_qbytes);
}

static void drain(void)
{
    while (msgrcv(q, &m, sizeof m.text, 0, IPC_NOWAIT) >= 0)
        ;
}

static int fill(size_t sz)
{
    int n = 0;
    m.mtype = 1;
    while (n < 100000 && msgsnd(q, &m, sz, IPC_NOWAIT) == 0)
        n++;
    return n;
}

int main(void)
{
    atexit(cleanup);
    q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q < 0) {
        printf("msgget failed errno=%d\n", errno);
        return 1;
    }
    memset(m.text, 'z', sizeof m.text);
    stat_q("new");
    int n = fill(100);
    printf("100-byte messages that fit: %d (last errno %d)\n", n, errno);
    stat_q("full");
    m.mtype = 1;
    SHOW("msgsnd 85 bytes", msgsnd(q, &m, 85, IPC_NOWAIT));
    SHOW("msgsnd 84 bytes", msgsnd(q, &m, 84, IPC_NOWAIT));
    SHOW("msgsnd 0 bytes", msgsnd(q, &m, 0, IPC_NOWAIT));
    stat_q("after");
    drain();
    n = fill(0);
    printf("0-byte messages that fit: %d (last errno %d)\n", n, errno);
    stat_q("full of empties");
    drain();
    n = fill(8192);
    printf("8192-byte messages that fit: %d (last errno %d)\n", n, errno);
    drain();

    struct msqid_ds ds;
    msgctl(q, IPC_STAT, &ds);
    ds.msg_qbytes = 250;
    SHOW("IPC_SET qbytes 250", msgctl(q, IPC_SET, &ds));
    n = fill(100);
    printf("100-byte messages that fit in 250: %d\n", n);
    SHOW("msgsnd 50 bytes", msgsnd(q, &m, 50, IPC_NOWAIT));
    SHOW("msgsnd 1 byte", msgsnd(q, &m, 1, IPC_NOWAIT));
    drain();
    SHOW("msgsnd 251 bytes into empty", msgsnd(q, &m, 251, IPC_NOWAIT));
    ds.msg_qbytes = 0;
    SHOW("IPC_SET qbytes 0", msgctl(q, IPC_SET, &ds));
    SHOW("msgsnd 0 bytes into qbytes 0", msgsnd(q, &m, 0, IPC_NOWAIT));
    ds.msg_qbytes = 16384;
    SHOW("IPC_SET qbytes 16384", msgctl(q, IPC_SET, &ds));
    ds.msg_qbytes = 16385;
    SHOW("IPC_SET qbytes 16385", msgctl(q, IPC_SET, &ds));
    stat_q("end");

    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        struct msg r;
        errno = 0;
        ssize_t got = msgrcv(q, &r, sizeof r.text, 9, 0); /* blocks until the parent sends type 9 */
        printf("child: msgrcv -> %zd errno=%d mtype %ld \"%s\"\n", got, got == -1 ? errno : 0, r.mtype,
               got > 0 ? r.text : "");
        fflush(stdout);
        _exit(got == 6 ? 0 : 1);
    }
    m.mtype = 9;
    strcpy(m.text, "wake!");
    errno = 0;
    int sr = msgsnd(q, &m, 6, 0);
    int se = errno;
    int st;
    waitpid(c, &st, 0); /* print only after the child has printed */
    printf("parent msgsnd type 9 -> %d errno=%d\n", sr, sr == -1 ? se : 0);
    printf("child exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    stat_q("after child");
    SHOW("IPC_RMID", msgctl(q, IPC_RMID, NULL));
    q = -1;
    return 0;
}
