/* a socket closed with unread data resets its peer (recv: ECONNRESET once, then end of file): unread bytes do on a stream and a SEQPACKET socket, empty messages do not on a stream, and on a SEQPACKET socket one alone does not but two do (measured; found by the conformance test) */
#include <stdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
static void t(int type, const int *lens, int n) {
    int sp[2]; socketpair(AF_UNIX, type, 0, sp);
    char b[8] = "abcdefg";
    for (int k = 0; k < n; k++) send(sp[0], b, lens[k], MSG_DONTWAIT);
    close(sp[1]);
    errno = 0;
    long r = recv(sp[0], b, 0, MSG_DONTWAIT);
    int e = errno;
    errno = 0;
    long r2 = recv(sp[0], b, 1, MSG_DONTWAIT);
    printf("type %d lens", type);
    for (int k = 0; k < n; k++) printf(" %d", lens[k]);
    printf(": recv %ld errno %d, again %ld errno %d\n", r, e, r2, errno);
    close(sp[0]);
}
int main(void) {
    int a[] = {0}, b[] = {0, 0}, c[] = {1}, d[] = {0, 1}, e[] = {1, 0}, f[] = {0, 0, 0};
    for (int ty = 1; ty <= 5; ty += 4) { t(ty, a, 1); t(ty, b, 2); t(ty, c, 1); t(ty, d, 2); t(ty, e, 2); t(ty, f, 3); }
    return 0;
}
