/* A mailbox of capacity 0 (rendezvous): a send returns only once a
   receiver has taken its message, so producer and consumer move in lock
   step. Before any receiver exists, mbox_try_send fails with EAGAIN.
   Natively, ipcsim.h implements it over shared memory and semaphores
   (compile with -Iinclude).
   schedule-independent: the consumer prints; the producer after wait. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ipcsim.h"

int main(void) {
    int mb = mbox_open("rendezvous", 0);
    int early = mbox_try_send(mb, "early", 5);
    int early_errno = errno;
    if (fork() == 0) {
        char buf[32];
        for (int k = 0; k < 3; k++) {
            ssize_t n = mbox_receive(mb, buf, sizeof buf);
            printf("consumer took %.*s\n", (int)n, buf);
        }
        return 0;
    }
    const char *items[] = {"one", "two", "three"};
    for (int k = 0; k < 3; k++)
        mbox_send(mb, items[k], strlen(items[k])); /* returns once taken */
    wait(NULL);
    printf("producer: try_send with no receiver: %s\n", early == 0 ? "sent" : early_errno == EAGAIN ? "EAGAIN" : "error");
    printf("producer: each send returned after its message was taken\n");
    mbox_close(mb);
    return 0;
}
