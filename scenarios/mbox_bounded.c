/* A mailbox of capacity 2 (bounded buffering): two messages wait in it;
   a third mbox_try_send fails with EAGAIN, and a blocking mbox_send waits
   until the consumer makes room. Natively, ipcsim.h implements it over
   shared memory and semaphores (compile with -Iinclude).
   schedule-independent: the consumer prints; the producer after wait. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ipcsim.h"

int main(void) {
    int mb = mbox_open("bounded", 2);
    int r[3];
    for (int k = 0; k < 3; k++)
        r[k] = mbox_try_send(mb, "early", 5) == 0 ? 0 : errno;
    if (fork() == 0) {
        char buf[32];
        for (int k = 0; k < 5; k++) {
            ssize_t n = mbox_receive(mb, buf, sizeof buf);
            printf("consumer got %.*s\n", (int)n, buf);
        }
        return 0;
    }
    const char *items[] = {"a", "b", "c"};
    for (int k = 0; k < 3; k++)
        mbox_send(mb, items[k], strlen(items[k])); /* waits while 2 are queued */
    wait(NULL);
    for (int k = 0; k < 3; k++)
        printf("producer: try_send %d into the empty mailbox: %s\n", k + 1, r[k] == 0 ? "queued" : r[k] == EAGAIN ? "EAGAIN (full)" : "error");
    mbox_close(mb);
    return 0;
}
