/* writev and readv (one write gathered, one read scattered: a writev of at most PIPE_BUF bytes to a pipe is never interleaved with another's; EINVAL for a negative count or one past IOV_MAX; EBADF), sendmsg and recvmsg without ancillary data on datagram and stream socket pairs and an addressed datagram socket (the sender's address, MSG_TRUNC in msg_flags for a cut datagram, msg_controllen 0) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>

int main(void) {
    struct iovec v[3] = {{"ab", 2}, {"", 0}, {"c\n", 2}};
    fflush(stdout);
    printf("writev -> %zd\n", writev(1, v, 3));
    volatile int counts[3] = {-1, 1025, 3};
    for (int k = 0; k < 3; k++) {
        ssize_t r = writev(k == 2 ? 42 : 1, v, counts[k]);
        printf("writev(count %d) -> %zd %s\n", counts[k], r, strerror(errno));
    }

    /* Four writers, each one writev of three parts: records stay whole. */
    int p[2];
    pipe(p);
    for (int k = 0; k < 4; k++) {
        if (fork() == 0) {
            close(p[0]);
            char head[2] = {(char)('A' + k), ':'}, body[1000], tail[2] = {(char)('A' + k), '\n'};
            memset(body, 'a' + k, sizeof body);
            struct iovec w[3] = {{head, 2}, {body, sizeof body}, {tail, 2}};
            for (int r = 0; r < 3; r++)
                if (writev(p[1], w, 3) != 1004)
                    _exit(1);
            _exit(0);
        }
    }
    close(p[1]);
    char rec[1004];
    int whole = 0, records = 0;
    struct iovec in[2] = {{rec, 500}, {rec + 500, 504}};
    ssize_t n;
    while ((n = readv(p[0], in, 2)) > 0) {
        /* A pipe read may take a record in parts: read the rest. */
        while (n < 1004) {
            ssize_t m = read(p[0], rec + n, 1004 - n);
            if (m <= 0)
                break;
            n += m;
        }
        records++;
        int ok = rec[1] == ':' && rec[1003] == '\n' && rec[1002] == rec[0];
        for (int j = 2; j < 1002; j++)
            ok = ok && rec[j] == rec[0] - 'A' + 'a';
        whole += ok;
    }
    while (wait(NULL) > 0)
        ;
    printf("pipe: %d records, %d whole\n", records, whole);

    int sv[2];
    socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
    char a[4] = "xyz", b[8] = "0123456";
    struct iovec out[2] = {{a, 3}, {b, 7}};
    struct msghdr m = {0};
    m.msg_iov = out;
    m.msg_iovlen = 2;
    printf("sendmsg -> %zd\n", sendmsg(sv[0], &m, 0));
    char r1[4] = {0}, r2[4] = {0};
    struct iovec back[2] = {{r1, 3}, {r2, 3}};
    struct msghdr rm = {0};
    rm.msg_iov = back;
    rm.msg_iovlen = 2;
    rm.msg_controllen = 64;
    n = recvmsg(sv[1], &rm, 0);
    printf("recvmsg -> %zd [%.3s][%.3s] flags %#x controllen %zu\n", n, r1, r2, rm.msg_flags, rm.msg_controllen);

    int st[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, st);
    sendmsg(st[0], &m, 0);
    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    rm.msg_flags = 0;
    n = recvmsg(st[1], &rm, 0);
    printf("stream recvmsg -> %zd [%.3s][%.3s] flags %#x\n", n, r1, r2, rm.msg_flags);
    n = recvmsg(st[1], &rm, 0);
    printf("stream recvmsg -> %zd [%.3s]\n", n, r1);

    /* Addressed datagrams: the receiver learns the sender's path. */
    unlink("308.srv");
    unlink("308.cli");
    int srv = socket(AF_UNIX, SOCK_DGRAM, 0), cli = socket(AF_UNIX, SOCK_DGRAM, 0);
    struct sockaddr_un sa = {.sun_family = AF_UNIX}, ca = {.sun_family = AF_UNIX}, from;
    strcpy(sa.sun_path, "308.srv");
    strcpy(ca.sun_path, "308.cli");
    bind(srv, (struct sockaddr *)&sa, sizeof sa);
    bind(cli, (struct sockaddr *)&ca, sizeof ca);
    struct msghdr to = {0};
    to.msg_name = &sa;
    to.msg_namelen = sizeof sa;
    to.msg_iov = out;
    to.msg_iovlen = 1;
    printf("sendmsg to -> %zd\n", sendmsg(cli, &to, 0));
    struct msghdr fm = {0};
    fm.msg_name = &from;
    fm.msg_namelen = sizeof from;
    fm.msg_iov = back;
    fm.msg_iovlen = 1;
    n = recvmsg(srv, &fm, 0);
    printf("recvmsg from -> %zd namelen %u path %s\n", n, fm.msg_namelen, from.sun_path);
    unlink("308.srv");
    unlink("308.cli");
    return 0;
}
