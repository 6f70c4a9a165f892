/* socketpair: stream request/response, EOF and EPIPE after close, datagram
   boundaries, MSG_TRUNC, capacity of 1-byte datagrams and 1 KiB stream writes. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

int main(void) {
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) != 0) { perror("socketpair"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        char buf[64];
        ssize_t n = read(sv[1], buf, sizeof buf);
        buf[n] = 0;
        char reply[80];
        snprintf(reply, sizeof reply, "echo:%s", buf);
        write(sv[1], reply, strlen(reply));
        close(sv[1]);
        _exit(0);
    }
    close(sv[1]);
    write(sv[0], "ping", 4);
    char buf[64];
    ssize_t n = recv(sv[0], buf, sizeof buf - 1, 0);
    buf[n] = 0;
    printf("got %zd: %s\n", n, buf);
    n = recv(sv[0], buf, sizeof buf, 0);
    printf("then %zd\n", n);
    signal(SIGPIPE, SIG_IGN);
    n = send(sv[0], "x", 1, 0);
    printf("send after close: %zd %s\n", n, strerror(errno));
    wait(NULL);
    int d[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, d);
    send(d[0], "hello", 5, 0);
    send(d[0], "", 0, 0);
    send(d[0], "abcdefghij", 10, 0);
    n = recv(d[1], buf, 3, 0);
    printf("dgram %zd %.3s\n", n, buf);
    n = recv(d[1], buf, 3, 0);
    printf("dgram %zd\n", n);
    n = recv(d[1], buf, 3, MSG_TRUNC);
    printf("dgram trunc %zd %.3s\n", n, buf);
    n = recv(d[1], buf, 3, MSG_DONTWAIT);
    printf("empty %zd %s\n", n, strerror(errno));
    int k = 0;
    while (send(d[0], "x", 1, MSG_DONTWAIT) == 1) k++;
    printf("dgram fill %d %s\n", k, strerror(errno));
    int s2[2];
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, s2);
    long tot = 0; char big[1024]; memset(big, 'a', sizeof big);
    for (;;) { ssize_t w = write(s2[0], big, sizeof big); if (w < 0) break; tot += w; }
    printf("stream fill %ld %s\n", tot, strerror(errno));
    return 0;
}
