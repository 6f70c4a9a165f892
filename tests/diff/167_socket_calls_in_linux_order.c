/* Pins sockets-measured.md (merged into SEMANTICS.md section 4): the
   results and errno values of bind, connect, listen, accept, send, recv,
   sendto, recvfrom, shutdown, socket and socketpair in their corners:
   re-binds, stale socket files, regular files, missing directories, path
   truncation by addrlen, bad families and lengths, abstract names, type
   mismatches, EISCONN, the backlog's N+1, accept's address lengths,
   unconnected and listening sockets, datagram queues and peers,
   shutdown on any socket, zero-length reads and sends, MSG_PEEK and
   MSG_DONTWAIT. Socket paths are relative (t167_*) and removed at the end. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *name(int e) {
    switch (e) {
    case 0: return "";
    case EADDRINUSE: return "EADDRINUSE";
    case EINVAL: return "EINVAL";
    case ENOENT: return "ENOENT";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EPROTOTYPE: return "EPROTOTYPE";
    case EISCONN: return "EISCONN";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case EAGAIN: return "EAGAIN";
    case ENOTCONN: return "ENOTCONN";
    case EPIPE: return "EPIPE";
    case EPERM: return "EPERM";
    case ECONNRESET: return "ECONNRESET";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case EFAULT: return "EFAULT";
    case ENOTSOCK: return "ENOTSOCK";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-44s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
    errno = 0;
}

static struct sockaddr_un addr(const char *path) {
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, path);
    return a;
}

#define SA(a) ((struct sockaddr *)&(a))

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    const char *paths[] = {"t167_a", "t167_b", "t167_abc", "t167_abcdef", "t167_file", "t167_d", "t167_d2", "t167_l", "t167_q", "t167_seq"};
    for (int i = 0; i < 10; i++)
        unlink(paths[i]);
    struct sockaddr_un a = addr("t167_a"), b = addr("t167_b");
    int types[3] = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET};
    for (int t = 0; t < 3; t++) {
        int s = socket(AF_UNIX, types[t], 0);
        show("bind a fresh path", bind(s, SA(a), sizeof a));
        close(s);
        unlink("t167_a");
    }
    /* bind */
    int s1 = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(s1, SA(a), sizeof a);
    show("bind again, same path", bind(s1, SA(a), sizeof a));
    show("bind again, other free path", bind(s1, SA(b), sizeof b));
    show("  connect to that path", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(b), sizeof b));
    show("bind again, autobind (addrlen 2)", bind(s1, SA(b), sizeof(sa_family_t)));
    int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
    show("bind a path held by a live socket", bind(s2, SA(a), sizeof a));
    close(s1);
    show("bind a stale socket file", bind(s2, SA(a), sizeof a));
    show("connect to the stale socket file", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(a), sizeof a));
    int dg = socket(AF_UNIX, SOCK_DGRAM, 0);
    show("sendto the stale socket file", sendto(dg, "x", 1, 0, SA(a), sizeof a));
    show("unlink the stale file", unlink("t167_a"));
    show("bind the freed path", bind(s2, SA(a), sizeof a));
    struct sockaddr_un md = addr("t167_nodir/x");
    show("bind in a missing directory", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(md), sizeof md));
    show("connect in a missing directory", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(md), sizeof md));
    struct sockaddr_un six = addr("t167_abcdef");
    int s3 = socket(AF_UNIX, SOCK_STREAM, 0);
    show("bind t167_abcdef with addrlen for t167_abc", bind(s3, SA(six), offsetof(struct sockaddr_un, sun_path) + 8));
    listen(s3, 1);
    struct sockaddr_un three = addr("t167_abc");
    show("  connect t167_abc", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(three), sizeof three));
    show("  connect t167_abcdef", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(six), sizeof six));
    close(s3);
    unlink("t167_abc");
    int s4 = socket(AF_UNIX, SOCK_STREAM, 0);
    show("bind without the NUL in addrlen", bind(s4, SA(six), offsetof(struct sockaddr_un, sun_path) + 11));
    listen(s4, 1);
    show("  connect it", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(six), sizeof six));
    close(s4);
    unlink("t167_abcdef");
    union { struct sockaddr_un a; char pad[200]; } wide;
    memset(&wide, 0, sizeof wide);
    wide.a = b;
    show("bind addrlen 111 (from a 200-byte buffer)", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(wide), 111));
    show("bind addrlen 1", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(b), 1));
    show("bind addrlen 0", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(b), 0));
    struct sockaddr_un inet = b;
    inet.sun_family = 2;
    show("bind family AF_INET", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(inet), sizeof inet));
    inet.sun_family = 0; /* AF_UNSPEC */
    show("bind family AF_UNSPEC", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(inet), sizeof inet));
    /* abstract names */
    struct sockaddr_un ab;
    memset(&ab, 0, sizeof ab);
    ab.sun_family = AF_UNIX;
    memcpy(ab.sun_path, "\0abs", 4);
    socklen_t ablen = offsetof(struct sockaddr_un, sun_path) + 4;
    int x1 = socket(AF_UNIX, SOCK_STREAM, 0);
    show("bind abstract \\0abs", bind(x1, SA(ab), ablen));
    show("same abstract name, same type", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen));
    show("\\0abs\\0 (one byte longer)", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen + 1));
    listen(x1, 1);
    show("connect \\0abs\\0 (not listening)", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen + 1));
    show("connect \\0abs", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen));
    close(x1);
    show("connect \\0abs after its owner closed", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen));
    show("re-bind \\0abs after its owner closed", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(ab), ablen));
    struct sockaddr_un nul;
    memset(&nul, 0, sizeof nul);
    nul.sun_family = AF_UNIX;
    show("bind abstract \\0 (addrlen 3)", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(nul), 3));
    show("bind abstract 108 NULs (addrlen 110)", bind(socket(AF_UNIX, SOCK_STREAM, 0), SA(nul), sizeof nul));
    show("autobind a fresh socket (addrlen 2)", bind(socket(AF_UNIX, SOCK_DGRAM, 0), SA(nul), 2));
    struct sockaddr_un q = addr("t167_q");
    int lq = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(lq, SA(q), sizeof q);
    listen(lq, 4);
    show("unlink a live listener's path", unlink("t167_q"));
    show("  connect to it", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(q), sizeof q));
    close(lq);
    /* connect */
    struct sockaddr_un l = addr("t167_l");
    int lis = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(lis, SA(l), sizeof l);
    show("listen(0)", listen(lis, 0));
    int c1 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    show("connect 1 (backlog 0)", connect(c1, SA(l), sizeof l));
    int c2 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    show("connect 2 (backlog 0)", connect(c2, SA(l), sizeof l));
    show("listen(2) again", listen(lis, 2));
    show("connect 2", connect(c2, SA(l), sizeof l));
    int c3 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    show("connect 3", connect(c3, SA(l), sizeof l));
    int c4 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    show("connect 4", connect(c4, SA(l), sizeof l));
    show("connect twice, the backlog full", connect(c1, SA(l), sizeof l));
    show("client send before accept", send(c1, "hey", 3, 0));
    char buf[64];
    show("client recv before accept", recv(c1, buf, 64, MSG_DONTWAIT));
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int ac = accept(lis, SA(peer), &plen);
    printf("accept: unbound client, addrlen %d family %d\n", (int)plen, peer.sun_family);
    show("connect twice", connect(c1, SA(l), sizeof l));
    show("connect a connected one to a missing path", connect(c1, SA(md), sizeof md));
    show("connect on the listener", connect(lis, SA(l), sizeof l));
    show("listen on a connected client", listen(c1, 1));
    show("  recv what it sent before", recv(ac, buf, 64, 0));
    show("connect on an accepted socket", connect(ac, SA(l), sizeof l));
    show("listen on an accepted socket", listen(ac, 1));
    show("accept on a connected socket", accept(c1, NULL, NULL));
    int fl = fcntl(ac, F_GETFL);
    printf("accepted fd O_NONBLOCK: %d\n", (fl & O_NONBLOCK) != 0);
    close(ac);
    close(c1);
    show("send on the listener", send(lis, "x", 1, 0));
    show("recv on the listener (stream)", recv(lis, buf, 1, MSG_DONTWAIT));
    /* c2 wrote and closed before accept; c3 closed with nothing. */
    send(c2, "hello", 5, 0);
    close(c2);
    close(c3);
    ac = accept(lis, NULL, NULL);
    show("accept a client that wrote 5 and closed", ac < 0 ? -1 : 0);
    show("  recv", recv(ac, buf, 64, 0));
    show("  recv", recv(ac, buf, 64, 0));
    show("  send", send(ac, "x", 1, 0));
    close(ac);
    ac = accept(lis, NULL, NULL);
    show("accept a client that closed silently", ac < 0 ? -1 : 0);
    show("  recv", recv(ac, buf, 64, 0));
    show("  send", send(ac, "x", 1, 0));
    close(ac);
    int lnb = fcntl(lis, F_GETFL);
    fcntl(lis, F_SETFL, lnb | O_NONBLOCK);
    show("non-blocking accept, none pending", accept(lis, NULL, NULL));
    /* c5 is queued, never accepted; the listener closes. c4 never connected. */
    int c5 = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0);
    show("connect 5", connect(c5, SA(l), sizeof l));
    show("queued client: recv", recv(c5, buf, 64, MSG_DONTWAIT));
    close(lis);
    show("queued client: recv after the listener closed", recv(c5, buf, 64, MSG_DONTWAIT));
    show("queued client: send", send(c5, "x", 1, 0));
    show("never connected: recv", recv(c4, buf, 64, MSG_DONTWAIT));
    show("never connected: send", send(c4, "x", 1, 0));
    show("connect after the listener closed", connect(socket(AF_UNIX, SOCK_STREAM, 0), SA(l), sizeof l));
    unlink("t167_l");
    /* listen / accept on the wrong sockets */
    int u = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    show("listen on an unbound seqpacket", listen(u, 1));
    show("accept on an unbound socket", accept(u, NULL, NULL));
    show("listen on an unbound datagram", listen(socket(AF_UNIX, SOCK_DGRAM, 0), 1));
    show("listen(-1) on a bound stream", (bind(s2, SA(a), sizeof a), listen(s2, -1)));
    show("listen(INT_MAX) again", listen(s2, INT_MAX));
    /* unconnected sockets */
    int us = socket(AF_UNIX, SOCK_STREAM, 0), uq = socket(AF_UNIX, SOCK_SEQPACKET, 0), ud = socket(AF_UNIX, SOCK_DGRAM, 0);
    show("send on an unconnected stream", send(us, "x", 1, 0));
    show("write 0 on an unconnected stream", write(us, "x", 0));
    show("send on an unconnected seqpacket", send(uq, "x", 1, 0));
    show("send on an unconnected datagram", send(ud, "x", 1, 0));
    show("recv on an unconnected stream", recv(us, buf, 1, MSG_DONTWAIT));
    show("read on an unconnected stream", read(us, buf, 1));
    show("recv on an unconnected seqpacket", recv(uq, buf, 1, MSG_DONTWAIT));
    show("recv on an unbound datagram (DONTWAIT)", recv(ud, buf, 1, MSG_DONTWAIT));
    show("sendto with an address on a stream", sendto(us, "x", 1, 0, SA(a), sizeof a));
    show("sendto with an address on a seqpacket", sendto(uq, "x", 1, 0, SA(a), sizeof a));
    show("shutdown an unconnected stream", shutdown(us, SHUT_RDWR));
    show("shutdown an unconnected datagram", shutdown(ud, SHUT_RD));
    show("shutdown how=3", shutdown(us, 3));
    show("shutdown how=-1", shutdown(us, -1));
    show("connect a datagram to a stream path", connect(ud, SA(a), sizeof a));
    show("connect a seqpacket to a stream path", connect(uq, SA(a), sizeof a));
    show("sendto from a datagram to a stream path", sendto(ud, "x", 1, 0, SA(a), sizeof a));
    show("sendto a nonexistent path", sendto(ud, "x", 1, 0, SA(md), sizeof md));
    show("sendto with addrlen 2", sendto(ud, "x", 1, 0, SA(a), 2));
    show("sendto(NULL, 5) on an unconnected dgram", sendto(ud, "x", 1, 0, NULL, 5));
    /* shutdown of a listener */
    struct sockaddr_un sl = addr("t167_seq");
    int ls = socket(AF_UNIX, SOCK_SEQPACKET, 0);
    bind(ls, SA(sl), sizeof sl);
    listen(ls, 4);
    show("recv on a listening seqpacket", recv(ls, buf, 1, MSG_DONTWAIT));
    show("sendto from a datagram to a seqpacket path", sendto(ud, "x", 1, 0, SA(sl), sizeof sl));
    show("shutdown a listener", shutdown(ls, SHUT_RDWR));
    fcntl(ls, F_SETFL, O_NONBLOCK);
    show("  accept", accept(ls, NULL, NULL));
    show("  connect", connect(socket(AF_UNIX, SOCK_SEQPACKET, 0), SA(sl), sizeof sl));
    close(ls);
    unlink("t167_seq");
    close(s2);
    unlink("t167_a");
    return 0;
}
