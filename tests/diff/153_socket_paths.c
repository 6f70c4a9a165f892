/* Sockets on paths: the errors of bind, listen, connect, accept, send and
   recv in Linux order; a stream client and server; datagrams to a bound
   path (the queue limit of an unconnected sender) and the sender address. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

#define PATH "t153_server.sock"

static void report(const char *what, int r) {
    if (r < 0) printf("%s: -1 %s\n", what, strerror(errno));
    else printf("%s: %d\n", what, r);
}

int main(void) {
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    unlink(PATH);
    int c0 = socket(AF_UNIX, SOCK_STREAM, 0);
    report("connect nothing", connect(c0, (struct sockaddr *)&addr, sizeof addr));
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    report("listen unbound", listen(srv, 5));
    report("bind", bind(srv, (struct sockaddr *)&addr, sizeof addr));
    report("bind again", bind(srv, (struct sockaddr *)&addr, sizeof addr));
    int other = socket(AF_UNIX, SOCK_STREAM, 0);
    report("bind in use", bind(other, (struct sockaddr *)&addr, sizeof addr));
    report("connect not listening", connect(c0, (struct sockaddr *)&addr, sizeof addr));
    report("accept not listening", accept(srv, NULL, NULL));
    report("listen", listen(srv, 2));
    int d = socket(AF_UNIX, SOCK_DGRAM, 0);
    report("connect wrong type", connect(d, (struct sockaddr *)&addr, sizeof addr));
    report("listen dgram", listen(d, 1));
    report("recv unconnected", (int)recv(other, &addr, 1, 0));
    report("send unconnected", (int)send(other, "x", 1, 0));
    report("shutdown bad", shutdown(other, 7));
    report("socket bad type", socket(AF_UNIX, 9, 0));
    report("socket bad proto", socket(AF_UNIX, SOCK_STREAM, 7));
    report("not a socket", (int)send(1, "x", 1, 0));
    pid_t pid = fork();
    if (pid == 0) {
        int c = socket(AF_UNIX, SOCK_STREAM, 0);
        if (connect(c, (struct sockaddr *)&addr, sizeof addr) != 0) { perror("connect"); _exit(1); }
        write(c, "request", 7);
        char buf[64];
        ssize_t n = read(c, buf, sizeof buf);
        printf("client got %zd: %.*s\n", n, (int)n, buf);
        fflush(stdout);
        close(c);
        _exit(0);
    }
    struct sockaddr_un peer;
    socklen_t plen = sizeof peer;
    int conn = accept(srv, (struct sockaddr *)&peer, &plen);
    printf("accepted, peer len %d family %d\n", (int)plen, peer.sun_family);
    char buf[64];
    ssize_t n = read(conn, buf, sizeof buf);
    printf("server got %zd: %.*s\n", n, (int)n, buf);
    write(conn, "response", 8);
    n = read(conn, buf, sizeof buf);
    printf("server then %zd\n", n);
    close(conn);
    wait(NULL);
    close(srv);
    int c2 = socket(AF_UNIX, SOCK_STREAM, 0);
    report("connect closed", connect(c2, (struct sockaddr *)&addr, sizeof addr));
    report("unlink", unlink(PATH));
    report("unlink again", unlink(PATH));
    /* datagrams to a path */
    struct sockaddr_un da;
    memset(&da, 0, sizeof da);
    da.sun_family = AF_UNIX;
    strcpy(da.sun_path, "t153_dgram.sock");
    unlink("t153_dgram.sock");
    int r = socket(AF_UNIX, SOCK_DGRAM, 0);
    report("bind dgram", bind(r, (struct sockaddr *)&da, sizeof da));
    int s = socket(AF_UNIX, SOCK_DGRAM, 0);
    int k = 0;
    while (sendto(s, "m", 1, MSG_DONTWAIT, (struct sockaddr *)&da, sizeof da) == 1) k++;
    printf("queued %d: %s\n", k, strerror(errno));
    struct sockaddr_un from;
    socklen_t flen = sizeof from;
    n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd, from len %d\n", n, (int)flen);
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    strcpy(sa.sun_path, "t153_client.sock");
    unlink("t153_client.sock");
    int s3 = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(s3, (struct sockaddr *)&sa, sizeof sa);
    while (recv(r, buf, sizeof buf, MSG_DONTWAIT) > 0) {}
    sendto(s3, "hi", 2, 0, (struct sockaddr *)&da, sizeof da);
    flen = sizeof from;
    n = recvfrom(r, buf, sizeof buf, 0, (struct sockaddr *)&from, &flen);
    printf("recvfrom %zd, from len %d path %s\n", n, (int)flen, from.sun_path);
    unlink("t153_client.sock");
    unlink("t153_dgram.sock");
    return 0;
}
