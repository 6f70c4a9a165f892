/* pins msgrcv type selection and msgsnd/msgrcv errors: msgtyp 0 = first message; > 0 = first of exactly that type;
   < 0 = the lowest type <= |msgtyp| (FIFO among equal types); MSG_EXCEPT (needs _GNU_SOURCE) = first not of that type;
   no match with IPC_NOWAIT -> ENOMSG; mtype 0 or negative -> EINVAL; msgsz > msgmax (8192) -> EINVAL, 8192 and 0 ok;
   a message longer than the buffer -> E2BIG and stays queued (checked only for a matching message: a non-matching type
   gives ENOMSG); MSG_NOERROR truncates and removes it; msgsz (size_t)-1 on receive -> EINVAL; a bad id -> EINVAL;
   msg_qnum / __msg_cbytes count messages and payload bytes. Key: ftok(".", 0x55). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>

#define SHOW(label, call)                                                        \
    do {                                                                         \
        errno = 0;                                                               \
        long r_ = (long)(call);                                                  \
        printf("%-40s -> %ld errno=%d\n", label, r_, r_ == -1 ? errno : 0);      \
    } while (0)

struct msg {
    long mtype;
    char text[8200];
};

static int q = -1;
static struct msg m;

static void cleanup(void)
{
    if (q >= 0)
        msgctl(q, IPC_RMID, NULL);
}

static void send(long type, const char *text)
{
    m.mtype = type;
    strcpy(m.text, text);
    if (msgsnd(q, &m, strlen(text) + 1, IPC_NOWAIT) == -1)
        printf("send %ld %s failed errno=%d\n", type, text, errno);
}

static void recv(long typ, int flags)
{
    memset(&m, 0, sizeof m);
    errno = 0;
    ssize_t n = msgrcv(q, &m, 100, typ, IPC_NOWAIT | flags);
    if (n == -1)
        printf("msgrcv(typ %ld%s) -> -1 errno=%d\n", typ, flags ? ", EXCEPT" : "", errno);
    else
        printf("msgrcv(typ %ld%s) -> %zd mtype %ld \"%s\"\n", typ, flags ? ", EXCEPT" : "", n, m.mtype, m.text);
}

static void stat_q(void)
{
    struct msqid_ds ds;
    if (msgctl(q, IPC_STAT, &ds) == 0)
        printf("  qnum=%lu cbytes=%lu qbytes=%lu\n", (unsigned long)ds.msg_qnum, (unsigned long)ds.__msg_cbytes,
               (unsigned long)ds.msg_qbytes);
}

int main(void)
{
    atexit(cleanup);
    key_t k = ftok(".", 0x55);
    int old = msgget(k, 0);
    if (old >= 0)
        msgctl(old, IPC_RMID, NULL);
    q = msgget(k, IPC_CREAT | IPC_EXCL | 0600);
    if (q < 0) {
        printf("msgget failed errno=%d\n", errno);
        return 1;
    }
    stat_q();
    send(3, "c1"); send(1, "a1"); send(2, "b1"); send(3, "c2"); send(1, "a2"); send(5, "e1");
    stat_q();
    recv(-2, 0);  /* a1 */
    recv(3, 0);   /* c1 */
    recv(0, 0);   /* b1 */
    recv(-10, 0); /* a2 */
    recv(4, 0);   /* ENOMSG */
    recv(-2, 0);  /* ENOMSG: left are 3 and 5 */
    stat_q();
    send(1, "a3");
    recv(3, MSG_EXCEPT); /* e1 */
    recv(0, MSG_EXCEPT); /* c2 */
    recv(0, 0);          /* a3 */
    recv(0, 0);          /* ENOMSG */

    m.mtype = 0;  SHOW("msgsnd mtype 0", msgsnd(q, &m, 10, IPC_NOWAIT));
    m.mtype = -7; SHOW("msgsnd mtype -7", msgsnd(q, &m, 10, IPC_NOWAIT));
    m.mtype = 1;
    SHOW("msgsnd 8193 bytes", msgsnd(q, &m, 8193, IPC_NOWAIT));
    SHOW("msgsnd (size_t)-1 bytes", msgsnd(q, &m, (size_t)-1, IPC_NOWAIT));
    memset(m.text, 'x', 8192);
    SHOW("msgsnd 8192 bytes", msgsnd(q, &m, 8192, IPC_NOWAIT));
    SHOW("msgsnd 0 bytes", msgsnd(q, &m, 0, IPC_NOWAIT));
    SHOW("msgsnd bad id -1", msgsnd(-1, &m, 10, IPC_NOWAIT));
    stat_q();
    SHOW("msgrcv bufsz 0 (8192 queued)", msgrcv(q, &m, 0, 0, IPC_NOWAIT));
    SHOW("msgrcv typ 2 bufsz 0 (no type 2)", msgrcv(q, &m, 0, 2, IPC_NOWAIT));
    SHOW("msgrcv bufsz 8192", msgrcv(q, &m, 8192, 0, IPC_NOWAIT));
    SHOW("msgrcv 0-byte message, bufsz 0", msgrcv(q, &m, 0, 0, IPC_NOWAIT));
    stat_q();

    m.mtype = 7;
    strcpy(m.text, "0123456789");
    msgsnd(q, &m, 11, IPC_NOWAIT);
    SHOW("msgrcv bufsz 5 of 11", msgrcv(q, &m, 5, 0, IPC_NOWAIT));
    SHOW("msgrcv typ -6 bufsz 5 (only type 7)", msgrcv(q, &m, 5, -6, IPC_NOWAIT));
    SHOW("msgrcv typ -7 bufsz 5", msgrcv(q, &m, 5, -7, IPC_NOWAIT));
    stat_q();
    memset(m.text, '#', 16);
    SHOW("msgrcv bufsz 5 MSG_NOERROR", msgrcv(q, &m, 5, 0, IPC_NOWAIT | MSG_NOERROR));
    printf("  truncated text \"%.8s\" mtype %ld\n", m.text, m.mtype);
    stat_q();
    SHOW("msgrcv bufsz (size_t)-1", msgrcv(q, &m, (size_t)-1, 0, IPC_NOWAIT));
    SHOW("msgrcv bad id -1", msgrcv(-1, &m, 100, 0, IPC_NOWAIT));

    SHOW("IPC_RMID", msgctl(q, IPC_RMID, NULL));
    int gone = q;
    q = -1;
    SHOW("msgsnd after RMID", msgsnd(gone, &m, 1, IPC_NOWAIT));
    SHOW("msgrcv after RMID", msgrcv(gone, &m, 100, 0, IPC_NOWAIT));
    SHOW("IPC_RMID again", msgctl(gone, IPC_RMID, NULL));
    return 0;
}
