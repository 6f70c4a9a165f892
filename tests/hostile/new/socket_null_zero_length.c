/* write/send/recv on an AF_UNIX socket with a NULL buffer and length 0 fail with EFAULT in ipcsim; Linux returns 0 (read() with NULL,0 and pipes already match). Run: ipcsim run socket_null_zero_length.c and compare with a native run. */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
int main(void) {
    int p[2], sv[2], r;
    pipe(p); socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(p[1], "a", 1); send(sv[0], "a", 1, 0);
    errno = 0; r = write(p[1], NULL, 0); printf("write pipe NULL,0: %d %d\n", r, errno);
    errno = 0; r = read(p[0], NULL, 0); printf("read pipe NULL,0: %d %d\n", r, errno);
    errno = 0; r = write(sv[0], NULL, 0); printf("write sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = send(sv[0], NULL, 0, 0); printf("send sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = read(sv[1], NULL, 0); printf("read sock NULL,0: %d %d\n", r, errno);
    errno = 0; r = recv(sv[1], NULL, 0, 0); printf("recv sock NULL,0: %d %d\n", r, errno);
    return 0;
}
