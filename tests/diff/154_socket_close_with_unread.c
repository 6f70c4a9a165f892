/* What the surviving end of a stream or seqpacket pair sees when the other
   end closes with unread data (ECONNRESET once, before or after the data),
   with an unread empty message, or with nothing. */
#include <stdio.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
int main(void) {
    int types[2] = {SOCK_SEQPACKET, SOCK_STREAM};
    for (int t = 0; t < 2; t++) for (int msg = 0; msg < 3; msg++) for (int own = 0; own < 2; own++) {
        int sp[2]; char buf[64];
        socketpair(AF_UNIX, types[t], 0, sp);
        if (msg) send(sp[0], buf, msg - 1, MSG_DONTWAIT);
        if (own) send(sp[1], "z", 1, MSG_DONTWAIT);
        close(sp[1]);
        printf("type %d unread %d own %d:", types[t], msg ? msg - 1 : -1, own);
        for (int k = 0; k < 3; k++) { errno = 0; long r = recv(sp[0], buf, 64, MSG_DONTWAIT); printf(" %ld/%d", r, errno); }
        errno = 0; long s = send(sp[0], buf, 1, MSG_DONTWAIT | MSG_NOSIGNAL); printf(" send %ld/%d\n", s, errno);
        close(sp[0]);
    }
    return 0;
}
