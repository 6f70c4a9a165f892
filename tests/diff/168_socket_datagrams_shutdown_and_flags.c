/* Pins sockets-measured.md (SEMANTICS.md section 4): a datagram socket
   bound to a path takes 11 messages from an unconnected sender, then
   EAGAIN; sendto its own path; a socket connected elsewhere refuses a
   third party with EPERM; a connected datagram socket may sendto another
   address; shutdown(SHUT_RD) and SHUT_WR on stream, seqpacket and
   datagram pairs; read(fd, buf, 0) returns 0 on an empty socket; recv of
   0 bytes keeps stream data and discards a seqpacket record; MSG_PEEK;
   MSG_DONTWAIT on a blocking socket; connect to AF_UNSPEC disconnects a
   datagram socket; a blocking connect to a full backlog returns 0 after
   an accept and ECONNREFUSED when the listener closes; accept's address
   lengths (path-bound, autobound, addrlen 5) and a NULL or -1 addrlen
   (EFAULT, EINVAL: the connection is lost); SOCK_RAW is accepted; the
   errors of socket() and socketpair(). Socket paths are relative
   (t168_*) and removed at the end. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

/* A null pointer the compiler cannot see. */
static int *nowhere;

static const char *name(int e) {
    switch (e) {
    case EINVAL: return "EINVAL";
    case EAGAIN: return "EAGAIN";
    case ENOTCONN: return "ENOTCONN";
    case EPIPE: return "EPIPE";
    case EPERM: return "EPERM";
    case EAFNOSUPPORT: return "EAFNOSUPPORT";
    case ESOCKTNOSUPPORT: return "ESOCKTNOSUPPORT";
    case EPROTONOSUPPORT: return "EPROTONOSUPPORT";
    case EOPNOTSUPP: return "EOPNOTSUPP";
    case ECONNREFUSED: return "ECONNREFUSED";
    case EFAULT: return "EFAULT";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-40s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
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
    char buf[64];
    unlink("t168_r");
    unlink("t168_o");
    struct sockaddr_un ra = addr("t168_r"), oa = addr("t168_o");
    int r = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(r, SA(ra), sizeof ra);
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    int k = 0;
    while (sendto(s, "m", 1, MSG_DONTWAIT, SA(ra), sizeof ra) == 1)
        k++;
    printf("unconnected sender: %d queued, then %s\n", k, name(errno));
    while (recv(r, buf, sizeof buf, MSG_DONTWAIT) >= 0)
        ;
    show("sendto its own path", sendto(r, "self", 4, 0, SA(ra), sizeof ra));
    show("  recv", recv(r, buf, sizeof buf, 0));
    int o = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(o, SA(oa), sizeof oa);
    show("connect r to o", connect(r, SA(oa), sizeof oa));
    show("third party sendto r", sendto(s, "x", 1, 0, SA(ra), sizeof ra));
    show("o (r's peer) sendto r", sendto(o, "y", 1, 0, SA(ra), sizeof ra));
    show("r sendto its own path (elsewhere)", sendto(r, "z", 1, 0, SA(ra), sizeof ra));
    show("r recv", recv(r, buf, sizeof buf, MSG_DONTWAIT));
    show("r recv", recv(r, buf, sizeof buf, MSG_DONTWAIT));
    show("r send (to o)", send(r, "to-o", 4, 0));
    show("o recv", recv(o, buf, sizeof buf, MSG_DONTWAIT));
    unlink("t168_x");
    struct sockaddr_un xa = addr("t168_x");
    int x = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(x, SA(xa), sizeof xa);
    show("r (connected to o) sendto x", sendto(r, "to-x", 4, 0, SA(xa), sizeof xa));
    show("x recv", recv(x, buf, sizeof buf, MSG_DONTWAIT));
    struct sockaddr_un unspec;
    memset(&unspec, 0, sizeof unspec);
    show("connect r to AF_UNSPEC", connect(r, SA(unspec), 2));
    show("r send", send(r, "x", 1, 0));
    close(x);
    unlink("t168_x");
    close(r);
    close(o);
    close(s);
    unlink("t168_r");
    unlink("t168_o");

    int types[3] = {SOCK_STREAM, SOCK_SEQPACKET, SOCK_DGRAM};
    for (int t = 0; t < 3; t++) {
        int sp[2];
        printf("type %d\n", types[t]);
        socketpair(AF_UNIX, types[t], 0, sp);
        send(sp[1], "data", 4, 0);
        show("SHUT_RD", shutdown(sp[0], SHUT_RD));
        show("  recv queued data", recv(sp[0], buf, sizeof buf, MSG_DONTWAIT));
        show("  recv", recv(sp[0], buf, sizeof buf, MSG_DONTWAIT));
        show("  peer send", send(sp[1], "more", 4, MSG_NOSIGNAL));
        show("SHUT_WR", shutdown(sp[1], SHUT_WR));
        show("  own send", send(sp[1], "x", 1, MSG_NOSIGNAL));
        show("  other end sends back", send(sp[0], "back", 4, MSG_NOSIGNAL));
        show("  own recv", recv(sp[1], buf, sizeof buf, MSG_DONTWAIT));
        close(sp[0]);
        close(sp[1]);
        socketpair(AF_UNIX, types[t], 0, sp);
        show("read 0 on an empty socket", read(sp[0], buf, 0));
        send(sp[1], "abc", 3, 0);
        send(sp[1], "def", 3, 0);
        show("recv 0 with data queued", recv(sp[0], buf, 0, 0));
        show("MSG_PEEK 64", recv(sp[0], buf, 64, MSG_PEEK));
        show("recv 64", recv(sp[0], buf, 64, 0));
        show("recv MSG_DONTWAIT on an empty one", recv(sp[0], buf, 64, MSG_DONTWAIT));
        close(sp[0]);
        close(sp[1]);
    }
    /* Blocking connects to a full backlog: released by accept, or
       refused when the listener closes. Accept's address lengths. */
    unlink("t168_l");
    unlink("t168_c");
    struct sockaddr_un la = addr("t168_l"), ca = addr("t168_c");
    int lis = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(lis, SA(la), sizeof la);
    listen(lis, 0);
    int c0 = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(c0, SA(ca), sizeof ca);
    connect(c0, SA(la), sizeof la);
    fflush(stdout);
    pid_t kid = fork();
    if (kid == 0) {
        close(lis);
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        int rc = connect(c, SA(la), sizeof la);
        printf("blocking connect to a full backlog -> %d\n", rc);
        fflush(stdout);
        exit(0);
    }
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int a1 = accept(lis, SA(peer), &plen);
    waitpid(kid, NULL, 0);
    printf("accept: path-bound client t168_c, addrlen %d\n", (int)plen);
    close(a1);
    plen = 5;
    a1 = accept(lis, SA(peer), &plen);
    printf("accept with addrlen 5 (unbound client) -> addrlen %d\n", (int)plen);
    close(a1);
    int c1 = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un au;
    memset(&au, 0, sizeof au);
    au.sun_family = AF_UNIX;
    bind(c1, SA(au), 2);
    connect(c1, SA(la), sizeof la);
    plen = sizeof peer;
    a1 = accept(lis, SA(peer), &plen);
    printf("accept: autobound client, addrlen %d\n", (int)plen);
    close(a1);
    int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(c2, SA(la), sizeof la);
    show("accept with a NULL addrlen", accept(lis, SA(peer), (socklen_t *)nowhere));
    show("  the client reads", recv(c2, buf, sizeof buf, MSG_DONTWAIT));
    int c3 = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(c3, SA(la), sizeof la);
    socklen_t neg = (socklen_t)-1;
    show("accept with addrlen -1", accept(lis, SA(peer), &neg));
    show("  the client reads", recv(c3, buf, sizeof buf, MSG_DONTWAIT));
    int c4 = socket(AF_UNIX, SOCK_STREAM, 0);
    connect(c4, SA(la), sizeof la);
    fflush(stdout);
    kid = fork();
    if (kid == 0) {
        close(lis);
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        int rc = connect(c, SA(la), sizeof la);
        printf("blocking connect, the listener closed -> %d %s\n", rc, rc < 0 ? name(errno) : "");
        fflush(stdout);
        exit(0);
    }
    close(lis);
    waitpid(kid, NULL, 0);
    unlink("t168_l");
    unlink("t168_c");
    show("socket(AF_UNIX, 3 /* SOCK_RAW */, 0)", socket(AF_UNIX, 3, 0) >= 0 ? 0 : -1);
    show("socketpair(..., NULL)", socketpair(AF_UNIX, SOCK_STREAM, 0, nowhere));
    show("socket(12345, STREAM, 0)", socket(12345, SOCK_STREAM, 0));
    show("socket(-1, STREAM, 0)", socket(-1, SOCK_STREAM, 0));
    show("socket(AF_UNIX, 99, 0)", socket(AF_UNIX, 99, 0));
    show("socket(AF_UNIX, 0, 0)", socket(AF_UNIX, 0, 0));
    show("socket(AF_UNIX, STREAM, 1)", socket(AF_UNIX, SOCK_STREAM, 1) >= 0 ? 0 : -1);
    show("socket(AF_UNIX, STREAM, -1)", socket(AF_UNIX, SOCK_STREAM, -1));
    show("socket(AF_UNIX, DGRAM, 17)", socket(AF_UNIX, SOCK_DGRAM, 17));
    show("socket(AF_UNIX, STREAM | 0x10000, 0)", socket(AF_UNIX, SOCK_STREAM | 0x10000, 0));
    int sp[2];
    show("socketpair(12345, STREAM)", socketpair(12345, SOCK_STREAM, 0, sp));
    show("socketpair(AF_UNIX, 99)", socketpair(AF_UNIX, 99, 0, sp));
    show("socketpair(AF_UNIX, STREAM, 1)", socketpair(AF_UNIX, SOCK_STREAM, 1, sp));
    int u = socket(AF_UNIX, SOCK_STREAM, 0);
    printf("plain socket F_GETFL %#x\n", fcntl(u, F_GETFL));
    socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, sp);
    printf("SOCK_NONBLOCK pair: O_NONBLOCK %d %d\n", (fcntl(sp[0], F_GETFL) & O_NONBLOCK) != 0, (fcntl(sp[1], F_GETFL) & O_NONBLOCK) != 0);
    return 0;
}
