/* Rendezvous mailboxes (capacity 0). */
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    char buf[64];
    volatile int *flag = shared(4096);
    pid_t c, c2;
    long t0;
    int mb;

    t_init();
    mb = mbox_open("rv", 0);
    CHECK(mb >= 0);

    /* Nobody there: both try forms fail. */
    FAILS(mbox_try_send(mb, "x", 1), EAGAIN);
    FAILS(mbox_try_receive(mb, buf, sizeof buf), EAGAIN);
    printf("empty rendezvous: try_send EAGAIN, try_receive EAGAIN\n");

    /* mbox_send returns only once the receiver has taken the message. */
    if ((c = fork()) == 0) {
        msleep(200);
        CHECK(mbox_receive(mb, buf, sizeof buf) == 5 && memcmp(buf, "hello", 5) == 0);
        _exit(0);
    }
    t0 = now_ms();
    CHECK(mbox_send(mb, "hello", 5) == 0);
    CHECK(now_ms() - t0 >= 150);
    reap(c);
    printf("send blocked until the receiver took the message\n");

    /* A receiver whose buffer is too small: EMSGSIZE, the sender stays blocked. */
    flag[0] = 0;
    if ((c = fork()) == 0) {
        CHECK(mbox_send(mb, "abcdef", 6) == 0);
        flag[0] = 1;
        _exit(0);
    }
    msleep(100);
    FAILS(mbox_receive(mb, buf, 2), EMSGSIZE);
    msleep(100);
    CHECK(flag[0] == 0);
    CHECK(mbox_receive(mb, buf, 6) == 6 && memcmp(buf, "abcdef", 6) == 0);
    reap(c);
    CHECK(flag[0] == 1);
    printf("short buffer: EMSGSIZE, sender still blocked, then delivered\n");

    /* try_send succeeds once a receiver is blocked in mbox_receive. */
    if ((c = fork()) == 0) {
        CHECK(mbox_receive(mb, buf, sizeof buf) == 3 && memcmp(buf, "try", 3) == 0);
        _exit(0);
    }
    t0 = now_ms();
    while (mbox_try_send(mb, "try", 3) != 0) {
        CHECK(errno == EAGAIN && now_ms() - t0 < 5000);
        msleep(1);
    }
    reap(c);
    printf("try_send handed the message to the blocked receiver\n");

    /* try_send to a receiver whose buffer is too small does not succeed. */
    if ((c = fork()) == 0) {
        ssize_t n = mbox_receive(mb, buf, 2);
        CHECK(n == 2 && memcmp(buf, "ok", 2) == 0);
        _exit(0);
    }
    msleep(100);
    FAILS(mbox_try_send(mb, "toolong", 7), EAGAIN);
    t0 = now_ms();
    while (mbox_try_send(mb, "ok", 2) != 0) {
        CHECK(errno == EAGAIN && now_ms() - t0 < 5000);
        msleep(1);
    }
    reap(c);
    printf("try_send longer than the blocked receiver's buffer: EAGAIN\n");

    /* try_receive succeeds once a sender is blocked in mbox_send. */
    if ((c = fork()) == 0) {
        CHECK(mbox_send(mb, "offer", 5) == 0);
        _exit(0);
    }
    t0 = now_ms();
    ssize_t n;
    while ((n = mbox_try_receive(mb, buf, sizeof buf)) < 0) {
        CHECK(errno == EAGAIN && now_ms() - t0 < 5000);
        msleep(1);
    }
    CHECK(n == 5 && memcmp(buf, "offer", 5) == 0);
    reap(c);
    printf("try_receive took the blocked sender's message\n");

    /* Blocked senders are served in the order they started offering
     * (each child raises its flag just before mbox_send). */
    flag[1] = flag[2] = 0;
    if ((c = fork()) == 0) {
        flag[1] = 1;
        CHECK(mbox_send(mb, "first", 5) == 0);
        _exit(0);
    }
    await_eq(&flag[1], 1);
    msleep(200);
    if ((c2 = fork()) == 0) {
        flag[2] = 1;
        CHECK(mbox_send(mb, "second", 6) == 0);
        _exit(0);
    }
    await_eq(&flag[2], 1);
    msleep(200);
    n = mbox_receive(mb, buf, sizeof buf);
    printf("got %.*s\n", (int)n, buf);
    n = mbox_receive(mb, buf, sizeof buf);
    printf("got %.*s\n", (int)n, buf);
    reap(c);
    reap(c2);

    /* Many rendezvous round trips between two processes. */
    int back = mbox_open("rv-back", 0);
    CHECK(back >= 0);
    if ((c = fork()) == 0) {
        int i, v;
        for (i = 0; i < 2000; i++) {
            CHECK(mbox_receive(mb, &v, sizeof v) == sizeof v && v == i);
            v = -i;
            CHECK(mbox_send(back, &v, sizeof v) == 0);
        }
        _exit(0);
    }
    for (int i = 0, v; i < 2000; i++) {
        CHECK(mbox_send(mb, &i, sizeof i) == 0);
        CHECK(mbox_receive(back, &v, sizeof v) == sizeof v && v == -i);
    }
    reap(c);
    printf("2000 rendezvous round trips\n");
    FAILS(mbox_try_receive(mb, buf, sizeof buf), EAGAIN);
    return 0;
}
