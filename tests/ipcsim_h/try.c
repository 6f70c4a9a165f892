/* The try forms on every kind of mailbox. */
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    char buf[32];
    int u, b, r, i;
    pid_t c;
    long t0;

    t_init();
    u = mbox_open("try-u", -1);
    b = mbox_open("try-b", 1);
    r = mbox_open("try-r", 0);
    CHECK(u >= 0 && b >= 0 && r >= 0);

    FAILS(mbox_try_receive(u, buf, sizeof buf), EAGAIN);
    FAILS(mbox_try_receive(b, buf, sizeof buf), EAGAIN);
    FAILS(mbox_try_receive(r, buf, sizeof buf), EAGAIN);
    printf("try_receive on empty mailboxes: EAGAIN x3\n");

    for (i = 0; i < 100; i++)
        CHECK(mbox_try_send(u, &i, sizeof i) == 0);
    for (i = 0; i < 100; i++) {
        int v;
        CHECK(mbox_try_receive(u, &v, sizeof v) == sizeof v && v == i);
    }
    printf("unbounded: 100 try_send, 100 try_receive in order\n");

    CHECK(mbox_try_send(b, "a", 1) == 0);
    FAILS(mbox_try_send(b, "b", 1), EAGAIN);
    FAILS(mbox_try_receive(b, buf, 0), EMSGSIZE);
    CHECK(mbox_try_receive(b, buf, 1) == 1 && buf[0] == 'a');
    printf("bounded 1: second try_send EAGAIN, short try_receive EMSGSIZE\n");

    /* A blocked bounded sender is released by try_receive. */
    CHECK(mbox_try_send(b, "1", 1) == 0);
    if ((c = fork()) == 0) {
        CHECK(mbox_send(b, "2", 1) == 0);
        _exit(0);
    }
    msleep(100);
    CHECK(mbox_try_receive(b, buf, 1) == 1 && buf[0] == '1');
    reap(c);
    CHECK(mbox_try_receive(b, buf, 1) == 1 && buf[0] == '2');
    printf("try_receive releases a blocked sender\n");

    /* Rendezvous: try_send with no blocked receiver fails even when a
     * sender is blocked (the message would have nowhere to go). */
    if ((c = fork()) == 0) {
        CHECK(mbox_send(r, "S", 1) == 0);
        _exit(0);
    }
    msleep(100);
    FAILS(mbox_try_send(r, "T", 1), EAGAIN);
    t0 = now_ms();
    while (mbox_try_receive(r, buf, sizeof buf) != 1) {
        CHECK(errno == EAGAIN && now_ms() - t0 < 5000);
        msleep(1);
    }
    CHECK(buf[0] == 'S');
    reap(c);
    FAILS(mbox_try_receive(r, buf, sizeof buf), EAGAIN);
    printf("rendezvous: try_send EAGAIN with only a sender waiting\n");

    /* Rendezvous: two blocked receivers, two try_sends, each gets one. */
    pid_t k[2];
    int res = mbox_open("try-res", -1);
    for (i = 0; i < 2; i++) {
        if ((k[i] = fork()) == 0) {
            ssize_t n = mbox_receive(r, buf, sizeof buf);
            CHECK(n == 1);
            CHECK(mbox_send(res, buf, 1) == 0);
            _exit(0);
        }
    }
    t0 = now_ms();
    const char *m = "XY";
    for (i = 0; i < 2;) {
        if (mbox_try_send(r, m + i, 1) == 0) {
            i++;
            continue;
        }
        CHECK(errno == EAGAIN && now_ms() - t0 < 5000);
        msleep(1);
    }
    char g[2];
    CHECK(mbox_receive(res, &g[0], 1) == 1 && mbox_receive(res, &g[1], 1) == 1);
    reap(k[0]);
    reap(k[1]);
    CHECK((g[0] == 'X' && g[1] == 'Y') || (g[0] == 'Y' && g[1] == 'X'));
    FAILS(mbox_try_send(r, "Z", 1), EAGAIN);
    printf("rendezvous: two blocked receivers got one try_send each\n");
    return 0;
}
