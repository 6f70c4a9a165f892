/* Fixed (issue 9/10 hostile review), was: A NULL buffer with length 0 fails with EFAULT in ipcsim for write/send/recv on an AF_UNIX socket and for mq_send; Linux returns 0 for each (read() with NULL,0 and pipes already match). Run: ipcsim run socket_null_zero_length.c and compare with a native run. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <mqueue.h>
#include <sys/socket.h>
int main(void) {
    int sv[2], r;
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    send(sv[0], "a", 1, 0);
    errno = 0; r = write(sv[0], NULL, 0); printf("write sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = send(sv[0], NULL, 0, 0); printf("send sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = read(sv[1], NULL, 0); printf("read sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = recv(sv[1], NULL, 0, 0); printf("recv sock NULL,0: %d %d\n", r, errno);
    struct mq_attr a = {0, 1, 1, 0};
    mq_unlink("/hnz");
    mqd_t q = mq_open("/hnz", O_CREAT | O_RDWR | O_NONBLOCK, 0600, &a);
    errno = 0; r = mq_send(q, NULL, 0, 0); printf("mq_send NULL,0: %d %d\n", r, errno);
    mq_close(q); mq_unlink("/hnz");
    return 0;
}
