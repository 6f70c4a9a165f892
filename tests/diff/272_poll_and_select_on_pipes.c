/* poll and select on pipes, a message queue's absence, and bad
   descriptors: readiness, POLLHUP and POLLERR at a closed end, POLLNVAL,
   EBADF, timeouts of 0, and the sets select writes back. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <poll.h>
#include <sys/select.h>

static void show(const char *what, int r) {
    printf("%s = %d errno=%d\n", what, r, r < 0 ? errno : 0);
    errno = 0;
}

int main(void) {
    int p[2];
    pipe(p);
    struct pollfd f[3] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}, {99, POLLIN, 0}};
    show("poll empty pipe", poll(f, 3, 0));
    printf("revents %x %x %x\n", f[0].revents, f[1].revents, f[2].revents);
    write(p[1], "x", 1);
    show("poll with data", poll(f, 2, 0));
    printf("revents %x %x\n", f[0].revents, f[1].revents);
    f[0].fd = -1;
    show("poll negative fd ignored", poll(f, 1, 0));
    printf("revents %x\n", f[0].revents);
    show("poll nothing", poll(NULL, 0, 0));

    fd_set r, w;
    FD_ZERO(&r);
    FD_ZERO(&w);
    FD_SET(p[0], &r);
    FD_SET(p[1], &w);
    struct timeval tv = {0, 0};
    show("select", select(p[1] + 1, &r, &w, NULL, &tv));
    printf("isset %d %d\n", FD_ISSET(p[0], &r), FD_ISSET(p[1], &w));
    char c;
    read(p[0], &c, 1);
    FD_ZERO(&r);
    FD_SET(p[0], &r);
    show("select drained", select(p[0] + 1, &r, NULL, NULL, &tv));
    printf("isset %d\n", FD_ISSET(p[0], &r));
    FD_SET(50, &r);
    show("select bad fd", select(51, &r, NULL, NULL, &tv));
    struct timeval bad = {0, -1};
    show("select bad timeout", select(1, NULL, NULL, NULL, &bad));

    close(p[1]);
    struct pollfd h = {p[0], POLLIN, 0};
    show("poll closed writer", poll(&h, 1, 0));
    printf("revents %x\n", h.revents);
    int q[2];
    pipe(q);
    close(q[0]);
    struct pollfd e = {q[1], POLLOUT, 0};
    show("poll closed reader", poll(&e, 1, 0));
    printf("revents %x\n", e.revents);
    struct pollfd t = {q[1], 0, 0};
    show("poll asks nothing", poll(&t, 1, 0));
    printf("revents %x\n", t.revents);
    return 0;
}
