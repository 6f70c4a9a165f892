/* A remote procedure call over TCP with hand-written stubs: the client
   stub marshals a request struct (procedure number and two arguments,
   in network byte order) and waits for the reply; the server stub
   unmarshals it, calls the procedure and marshals the result back.
   schedule-independent: one call at a time, each waiting for its reply. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 6000
enum { ADD = 1, MUL = 2 };

struct request { uint32_t proc; int32_t a, b; };
struct reply { int32_t status, value; };

/* Reads exactly n bytes: a TCP read may return part of a message. */
static int read_full(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, (char *)buf + got, n - got);
        if (k <= 0) return -1;
        got += k;
    }
    return 0;
}

/* Client stub: marshal, send, wait, unmarshal. */
static int call(int fd, uint32_t proc, int a, int b, int *result) {
    struct request rq = {htonl(proc), (int32_t)htonl(a), (int32_t)htonl(b)};
    if (write(fd, &rq, sizeof rq) != sizeof rq) return -1;
    struct reply rp;
    if (read_full(fd, &rp, sizeof rp) < 0) return -1;
    if (ntohl(rp.status) != 0) return -1;
    *result = (int)ntohl(rp.value);
    return 0;
}

/* Server stub: one request in, one reply out, until the client hangs up. */
static void serve(int fd) {
    struct request rq;
    while (read_full(fd, &rq, sizeof rq) == 0) {
        int a = (int)ntohl(rq.a), b = (int)ntohl(rq.b);
        struct reply rp = {0, 0};
        switch (ntohl(rq.proc)) {
        case ADD: rp.value = htonl(a + b); break;
        case MUL: rp.value = htonl(a * b); break;
        default: rp.status = htonl(1);
        }
        write(fd, &rp, sizeof rp);
    }
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
    if (fork() == 0) {
        int s = accept(ls, NULL, NULL);
        close(ls);
        serve(s);
        close(s);
        exit(0);
    }
    close(ls);
    int c = socket(AF_INET, SOCK_STREAM, 0);
    if (connect(c, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("connect");
        return 1;
    }
    int r;
    if (call(c, ADD, 40, 2, &r) == 0) printf("add(40, 2) = %d\n", r);
    if (call(c, MUL, 6, 7, &r) == 0) printf("mul(6, 7) = %d\n", r);
    if (call(c, 9, 1, 1, &r) != 0) printf("procedure 9: no such procedure\n");
    close(c);
    wait(NULL);
    return 0;
}
