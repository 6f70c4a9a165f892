/* Fixed (issue 9/10 hostile review), was: mbox_open(NULL, 1) fails with EFAULT in ipcsim but ipcsim.h documents (and natively does) EINVAL; mbox_send(m, NULL, 0) fails with EFAULT in ipcsim but natively sends an empty message (try_receive then returns 0). Run: ipcsim run mbox_null_name_and_empty_send.c; native: cc -Iinclude ... */
#include "ipcsim.h"
#include <stdio.h>
#include <errno.h>
int main(void) {
    int r, m = mbox_open("x", 4);
    char b[10];
    errno = 0; r = mbox_open(NULL, 1); fprintf(stderr, "open NULL %d %d\n", r, errno);
    errno = 0; r = mbox_send(m, NULL, 0); fprintf(stderr, "send NULL,0 %d %d\n", r, errno);
    errno = 0; r = mbox_try_receive(m, b, 10); fprintf(stderr, "try_receive %d %d\n", r, errno);
    errno = 0; r = send_to(getpid(), NULL, 0); fprintf(stderr, "send_to self NULL,0 %d %d\n", r, errno);
    errno = 0; r = receive_from(getpid(), b, 10); fprintf(stderr, "receive_from self %d %d\n", r, errno);
    return 0;
}
