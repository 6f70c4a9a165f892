/* Direct links: send_to / receive_from / link_capacity. */
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    volatile int *done = shared(4096);
    char buf[64];
    pid_t me = getpid(), c, s;
    long t0;
    int i, v, fds[2];
    ssize_t n;

    t_init();

    /* Default capacity 0: ping-pong, each send waits for the receiver. */
    if ((c = fork()) == 0) {
        msleep(200);
        CHECK(receive_from(me, buf, sizeof buf) == 4 && memcmp(buf, "ping", 4) == 0);
        CHECK(send_to(me, "pong", 4) == 0);
        for (i = 0; i < 1000; i++) {
            CHECK(receive_from(me, &v, sizeof v) == sizeof v && v == i);
            v = i * 2;
            CHECK(send_to(me, &v, sizeof v) == 0);
        }
        _exit(0);
    }
    t0 = now_ms();
    CHECK(send_to(c, "ping", 4) == 0);
    CHECK(now_ms() - t0 >= 150);
    CHECK(receive_from(c, buf, sizeof buf) == 4 && memcmp(buf, "pong", 4) == 0);
    for (i = 0; i < 1000; i++) {
        CHECK(send_to(c, &i, sizeof i) == 0);
        CHECK(receive_from(c, &v, sizeof v) == sizeof v && v == 2 * i);
    }
    reap(c);
    printf("rendezvous link: send_to waited for receive_from; 1000 round trips\n");

    /* The creator's capacity: an unbounded link created by the child.
     * Messages from a process that has ended (and been reaped) are still
     * received; after that, ESRCH. */
    if ((c = fork()) == 0) {
        link_capacity(-1);
        for (i = 0; i < 5; i++)
            CHECK(send_to(me, &i, sizeof i) == 0);
        _exit(0);
    }
    reap(c);
    for (i = 0; i < 5; i++)
        CHECK(receive_from(c, &v, sizeof v) == sizeof v && v == i);
    FAILS(receive_from(c, &v, sizeof v), ESRCH);
    printf("unbounded link made by the child; messages outlive the sender\n");

    /* A bounded link made by the parent: capacity 2 in each direction. */
    link_capacity(2);
    CHECK(pipe(fds) == 0);
    done[0] = 0;
    if ((c = fork()) == 0) {
        char go;
        close(fds[1]);
        CHECK(read(fds[0], &go, 1) == 1); /* the parent made the link */
        /* The link is bounded both ways: 2 sends back do not block. */
        CHECK(send_to(me, "r1", 2) == 0);
        CHECK(send_to(me, "r2", 2) == 0);
        done[1] = 1;
        msleep(200);
        for (i = 0; i < 5; i++)
            CHECK(receive_from(me, &v, sizeof v) == sizeof v && v == i);
        _exit(0);
    }
    close(fds[0]);
    for (i = 0; i < 5; i++) {
        CHECK(send_to(c, &i, sizeof i) == 0);
        if (i == 1) {
            CHECK(write(fds[1], "g", 1) == 1);
            t0 = now_ms();
        }
        done[0] = i + 1;
    }
    CHECK(now_ms() - t0 >= 150); /* the third send waited */
    reap(c);
    CHECK(done[1] == 1);
    CHECK(receive_from(c, buf, sizeof buf) == 2 && memcmp(buf, "r1", 2) == 0);
    CHECK(receive_from(c, buf, sizeof buf) == 2 && memcmp(buf, "r2", 2) == 0);
    close(fds[1]);
    printf("bounded link (capacity 2): third send blocked; both directions\n");

    /* link_capacity is per process and copied by fork; n < -1 is ignored. */
    link_capacity(-1);
    link_capacity(-7);
    if ((c = fork()) == 0) {
        /* inherited -1: the child's link to the parent is unbounded */
        for (i = 0; i < 300; i++)
            CHECK(send_to(me, &i, sizeof i) == 0);
        _exit(0);
    }
    reap(c);
    for (i = 0; i < 300; i++)
        CHECK(receive_from(c, &v, sizeof v) == sizeof v && v == i);
    printf("link_capacity copied by fork\n");
    link_capacity(0);

    /* EMSGSIZE keeps the message on the link. */
    if ((c = fork()) == 0) {
        CHECK(send_to(me, "0123456789", 10) == 0);
        _exit(0);
    }
    msleep(100);
    FAILS(receive_from(c, buf, 9), EMSGSIZE);
    n = receive_from(c, buf, 10);
    CHECK(n == 10 && memcmp(buf, "0123456789", 10) == 0);
    reap(c);
    printf("short buffer: EMSGSIZE, message kept\n");

    /* A sender to a process that ends stays blocked. */
    if ((c = fork()) == 0) {
        msleep(100);
        _exit(0);
    }
    if ((s = fork()) == 0) {
        send_to(c, "lost", 4); /* never returns */
        _exit(3);
    }
    reap(c);
    msleep(300);
    CHECK(waitpid(s, NULL, WNOHANG) == 0);
    kill(s, SIGKILL);
    CHECK(waitpid(s, NULL, 0) == s);
    printf("sender to an ended process stays blocked\n");

    /* Two children talk to each other over their own link. */
    pid_t a, b;
    CHECK(pipe(fds) == 0);
    if ((a = fork()) == 0) {
        pid_t peer;
        close(fds[1]);
        CHECK(read(fds[0], &peer, sizeof peer) == sizeof peer);
        for (i = 0; i < 500; i++)
            CHECK(send_to(peer, &i, sizeof i) == 0);
        CHECK(receive_from(peer, &v, sizeof v) == sizeof v && v == 499 * 500 / 2);
        _exit(0);
    }
    if ((b = fork()) == 0) {
        int sum = 0;
        for (i = 0; i < 500; i++) {
            CHECK(receive_from(a, &v, sizeof v) == sizeof v && v == i);
            sum += v;
        }
        CHECK(send_to(a, &sum, sizeof sum) == 0);
        _exit(0);
    }
    close(fds[0]);
    CHECK(write(fds[1], &b, sizeof b) == sizeof b);
    close(fds[1]);
    reap(a);
    reap(b);
    printf("two children over their own link\n");
    return 0;
}
