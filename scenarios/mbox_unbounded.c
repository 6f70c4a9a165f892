/* A mailbox of unbounded capacity (-1): the producer never waits; twenty
   messages queue up before the consumer even exists, and come out in
   order. An empty mailbox makes mbox_try_receive fail with EAGAIN.
   Natively "unbounded" is bounded by ipcsim.h's pool (4096 messages).
   schedule-independent: the consumer prints; the producer after wait. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ipcsim.h"

int main(void) {
    int mb = mbox_open("unbounded", -1);
    for (int k = 1; k <= 20; k++) {
        char msg[8];
        int n = snprintf(msg, sizeof msg, "%d", k);
        mbox_send(mb, msg, n); /* never blocks */
    }
    if (fork() == 0) {
        int sum = 0, last = 0, ordered = 1;
        for (int k = 0; k < 20; k++) {
            char buf[8] = {0};
            mbox_receive(mb, buf, sizeof buf - 1);
            int v = atoi(buf);
            ordered &= v == last + 1;
            last = v;
            sum += v;
        }
        printf("consumer: 20 messages, sum %d, %s\n", sum, ordered ? "in send order" : "out of order");
        return 0;
    }
    wait(NULL);
    char buf[8];
    ssize_t n = mbox_try_receive(mb, buf, sizeof buf);
    printf("producer: try_receive on the empty mailbox: %s\n", n >= 0 ? "got one" : errno == EAGAIN ? "EAGAIN" : "error");
    mbox_close(mb);
    return 0;
}
