/* An RPC client that hangs when its server crashes: the program
   connects to itself, then forks the server with the accepted socket,
   but the client forgets to close its own copy of the server's end. If
   the server dies after the request and before the reply, the client's
   read never sees the end of the stream: it holds the other end itself.
   Try `ipcsim explore --crash any`; rpc_crash_handled.c is the fix.
   schedule-independent: one call at a time, each waiting for its reply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 6100

struct request { uint32_t proc; int32_t a, b; };
struct reply { int32_t value; };

/* Reads exactly n bytes; 0 at the end of the stream or an error. */
static int read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, (char *)buf + got, n - got);
        if (k <= 0) return 0;
        got += k;
    }
    return 1;
}

/* The server: add the two arguments of each request. */
static void serve(int fd) {
    struct request rq;
    while (read_full(fd, &rq, sizeof rq)) {
        struct reply rp = {(int32_t)htonl((int)ntohl(rq.a) + (int)ntohl(rq.b))};
        write(fd, &rp, sizeof rp);
    }
}

/* The client stub: marshal, send, wait for the reply. */
static int call(int fd, int a, int b, int *result) {
    struct request rq = {htonl(1), (int32_t)htonl(a), (int32_t)htonl(b)};
    if (send(fd, &rq, sizeof rq, MSG_NOSIGNAL) != sizeof rq) return -1;
    struct reply rp;
    if (!read_full(fd, &rp, sizeof rp)) return -1;
    *result = (int)ntohl(rp.value);
    return 0;
}

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(ls, 1) < 0) {
        perror("server");
        return 1;
    }
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("connect");
        return 1;
    }
    int s = accept(ls, NULL, NULL);
    close(ls);
    if (fork() == 0) {
        close(c);
        serve(s);
        exit(0);
    }
    /* Forgotten: close(s); */
    int r;
    for (int k = 1; k <= 2; k++) {
        if (call(c, k, 10 * k, &r) == 0) {
            printf("add(%d, %d) = %d\n", k, 10 * k, r);
        } else {
            printf("call %d failed: the server is gone\n", k);
            break;
        }
    }
    close(c);
    wait(NULL);
    return 0;
}
