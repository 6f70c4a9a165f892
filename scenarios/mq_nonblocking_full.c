/* Non-blocking send to a full queue: a queue of two messages opened with
   O_NONBLOCK takes two sends; the third fails at once with EAGAIN instead
   of blocking. After a receive makes room, a send succeeds again.
   schedule-independent: one process. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *name = "/ipcsim_full";
    mq_unlink(name);
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 2;
    attr.mq_msgsize = 16;
    mqd_t q = mq_open(name, O_CREAT | O_RDWR | O_NONBLOCK, 0600, &attr);
    for (int k = 1; k <= 3; k++) {
        int r = mq_send(q, "item", 4, 0);
        printf("send %d: %s\n", k, r == 0 ? "ok" : strerror(errno));
    }
    char buf[16];
    mq_receive(q, buf, sizeof buf, NULL);
    printf("after one receive: %s\n", mq_send(q, "item", 4, 0) == 0 ? "ok" : strerror(errno));
    mq_close(q);
    mq_unlink(name);
    return 0;
}
