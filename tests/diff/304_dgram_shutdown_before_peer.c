#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/socket.h>
static char buf[8];
int main(void) {
    signal(SIGPIPE, SIG_IGN);
    int sp[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, sp);
    close(sp[1]);
    errno = 0; long r = send(sp[0], buf, 0, MSG_DONTWAIT); printf("send %ld errno=%d\n", r, errno);
    shutdown(sp[0], 1);
    errno = 0; r = send(sp[0], buf, 0, MSG_DONTWAIT); printf("send %ld errno=%d\n", r, errno);
    int sq[2]; socketpair(AF_UNIX, SOCK_DGRAM, 0, sq);
    shutdown(sq[0], SHUT_WR);
    errno = 0; r = send(sq[0], buf, 1, MSG_DONTWAIT); printf("shut first: %ld errno=%d\n", r, errno);
    return 0;
}
