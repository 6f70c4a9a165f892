/* POSIX message queue: the child sends jobs with priorities; the parent,
   after waiting, receives them highest priority first (FIFO within a
   priority) and checks mq_getattr; then a non-blocking receive on the
   empty queue gives EAGAIN. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <unistd.h>
#include <sys/wait.h>

#define QNAME "/c26_mq_priorities"

int main(void)
{
    struct mq_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.mq_maxmsg = 8;
    attr.mq_msgsize = 64;
    mq_unlink(QNAME);
    mqd_t q = mq_open(QNAME, O_CREAT | O_RDWR, 0600, &attr);
    if (q == (mqd_t)-1) { perror("mq_open"); return 1; }

    pid_t pid = fork();
    if (pid == 0) {
        const char *jobs[] = {"backup", "email", "compile", "print", "alarm", "log"};
        unsigned prio[] = {1, 5, 3, 1, 9, 5};
        for (int i = 0; i < 6; i++)
            if (mq_send(q, jobs[i], strlen(jobs[i]) + 1, prio[i]) < 0) { perror("mq_send"); _exit(1); }
        mq_close(q);
        _exit(0);
    }
    waitpid(pid, NULL, 0);
    mq_getattr(q, &attr);
    printf("maxmsg %ld msgsize %ld curmsgs %ld\n", attr.mq_maxmsg, attr.mq_msgsize, attr.mq_curmsgs);
    char buf[64];
    unsigned prio;
    for (int i = 0; i < 6; i++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("got '%s' (%d bytes) priority %u\n", buf, (int)n, prio);
    }
    struct mq_attr nb = attr;
    nb.mq_flags = O_NONBLOCK;
    mq_setattr(q, &nb, NULL);
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    printf("empty queue: %d EAGAIN=%d\n", (int)n, errno == EAGAIN);
    n = mq_receive(q, buf, 10, &prio);
    printf("small buffer: %d EMSGSIZE=%d\n", (int)n, errno == EMSGSIZE);
    mq_close(q);
    mq_unlink(QNAME);
    return 0;
}
