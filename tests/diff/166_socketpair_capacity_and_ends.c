/* Pins linux-ipc-semantics.md section 4 (socketpairs): stream capacity
   by write size (1, 100, 4096 and 65536-byte writes; one large
   non-blocking send); datagram and seqpacket messages queued before
   EAGAIN by size; the largest datagram (SO_SNDBUF - 32) and EMSGSIZE past
   it; message boundaries (a 0-length message, coalesced stream writes);
   truncation (the rest of a datagram is discarded, MSG_TRUNC returns the
   real length, a stream keeps the rest); after the peer closes: data then
   EOF for stream and seqpacket, EAGAIN for datagrams; sending to a closed
   peer: SIGPIPE or EPIPE on a stream, EPIPE on seqpacket, ECONNREFUSED
   then ENOTCONN on datagrams; shutdown(SHUT_WR). */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static char big[300000];

static const char *name(int e) {
    switch (e) {
    case EAGAIN: return "EAGAIN";
    case EPIPE: return "EPIPE";
    case EMSGSIZE: return "EMSGSIZE";
    case ECONNREFUSED: return "ECONNREFUSED";
    case ENOTCONN: return "ENOTCONN";
    case ECONNRESET: return "ECONNRESET";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-36s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
    errno = 0;
}

static void fill(int type, int size) {
    int sp[2];
    socketpair(AF_UNIX, type, 0, sp);
    long bytes = 0, msgs = 0;
    for (;;) {
        ssize_t n = send(sp[0], big, size, MSG_DONTWAIT);
        if (n < 0)
            break;
        bytes += n;
        msgs++;
    }
    printf("type %d, %5d-byte sends: %ld sends, %ld bytes, then %s\n", type, size, msgs, bytes, name(errno));
    close(sp[0]);
    close(sp[1]);
}

int main(void) {
    char buf[64];
    int sizes[] = {1, 100, 1024, 4096, 65536};
    for (int i = 0; i < 5; i++)
        fill(SOCK_STREAM, sizes[i]);
    for (int i = 0; i < 5; i++) {
        fill(SOCK_DGRAM, sizes[i]);
        fill(SOCK_SEQPACKET, sizes[i]);
    }
    int sp[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
    show("stream, one send of 300000", send(sp[0], big, sizeof big, MSG_DONTWAIT));
    close(sp[0]);
    close(sp[1]);
    int types[2] = {SOCK_DGRAM, SOCK_SEQPACKET};
    for (int t = 0; t < 2; t++) {
        socketpair(AF_UNIX, types[t], 0, sp);
        show("send 212960", send(sp[0], big, 212960, MSG_DONTWAIT));
        show("send 212961", send(sp[0], big, 212961, MSG_DONTWAIT));
        close(sp[0]);
        close(sp[1]);
        socketpair(AF_UNIX, types[t], 0, sp);
        send(sp[0], "abcd", 4, 0);
        send(sp[0], "", 0, 0);
        send(sp[0], "0123456789", 10, 0);
        send(sp[0], "next", 4, 0);
        send(sp[0], "abcdef", 6, 0);
        show("recv 64 (a 4-byte message)", recv(sp[1], buf, 64, 0));
        show("recv 64 (a 0-byte message)", recv(sp[1], buf, 64, 0));
        show("recv 3 of 10", recv(sp[1], buf, 3, 0));
        show("recv 64 (the next message)", recv(sp[1], buf, 64, 0));
        printf("  it is %.4s\n", buf);
        show("recv 2 with MSG_TRUNC of 6", recv(sp[1], buf, 2, MSG_TRUNC));
        send(sp[0], "tail", 4, 0);
        close(sp[0]);
        show("after peer close: recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
        show("then recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
        show("then recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
        show("send to the closed peer", send(sp[1], "x", 1, 0));
        show("send again", send(sp[1], "x", 1, 0));
        close(sp[1]);
    }
    socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
    send(sp[0], "abc", 3, 0);
    send(sp[0], "", 0, 0);
    send(sp[0], "defghij", 7, 0);
    show("stream recv 64 after 3+0+7", recv(sp[1], buf, 64, MSG_DONTWAIT));
    send(sp[0], "0123456789", 10, 0);
    show("stream recv 3 of 10", recv(sp[1], buf, 3, 0));
    show("stream recv the rest", recv(sp[1], buf, 64, 0));
    send(sp[0], "tail", 4, 0);
    close(sp[0]);
    show("after peer close: recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
    show("then recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
    show("then recv", recv(sp[1], buf, 64, MSG_DONTWAIT));
    show("send MSG_NOSIGNAL to the closed peer", send(sp[1], "x", 1, MSG_NOSIGNAL));
    show("and again", send(sp[1], "x", 1, MSG_NOSIGNAL));
    fflush(stdout);
    if (fork() == 0) {
        send(sp[1], "x", 1, 0);
        exit(0);
    }
    int st;
    wait(&st);
    printf("a child sending flags 0: signaled %d signal %d\n", WIFSIGNALED(st), WTERMSIG(st));
    close(sp[1]);
    /* shutdown(SHUT_WR) on a stream. */
    socketpair(AF_UNIX, SOCK_STREAM, 0, sp);
    show("shutdown SHUT_WR", shutdown(sp[0], SHUT_WR));
    show("peer recv", recv(sp[1], buf, 64, 0));
    show("own send", send(sp[0], "x", 1, MSG_NOSIGNAL));
    show("peer send", send(sp[1], "back", 4, 0));
    show("own recv", recv(sp[0], buf, 64, 0));
    close(sp[0]);
    close(sp[1]);
    return 0;
}
