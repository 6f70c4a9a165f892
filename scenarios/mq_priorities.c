/* Message priorities: a child sends five messages with different
   priorities before the parent reads any; the parent receives them highest
   priority first, and in send order within one priority.
   schedule-independent: the parent waits for the child before receiving. */
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    const char *name = "/ipcsim_priorities";
    mq_unlink(name);
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 8;
    attr.mq_msgsize = 32;
    mqd_t q = mq_open(name, O_CREAT | O_RDWR, 0600, &attr);
    if (fork() == 0) {
        const char *msg[] = {"low", "urgent", "normal-1", "normal-2", "lowest"};
        unsigned prio[] = {1, 9, 5, 5, 0};
        for (int k = 0; k < 5; k++)
            mq_send(q, msg[k], strlen(msg[k]), prio[k]);
        return 0;
    }
    wait(NULL);
    char buf[32];
    unsigned prio;
    ssize_t n;
    struct mq_attr now;
    mq_getattr(q, &now);
    printf("%ld messages queued\n", now.mq_curmsgs);
    while ((n = (now.mq_curmsgs-- > 0 ? mq_receive(q, buf, sizeof buf, &prio) : -1)) >= 0)
        printf("priority %u: %.*s\n", prio, (int)n, buf);
    mq_close(q);
    mq_unlink(name);
    return 0;
}
