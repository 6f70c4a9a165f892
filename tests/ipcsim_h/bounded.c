/* Bounded mailboxes (capacity n > 0). */
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    volatile int *done = shared(4096);
    char buf[64];
    int mb, v, i, p;
    pid_t c, kids[3];

    t_init();
    mb = mbox_open("b", 2);
    CHECK(mb >= 0);
    CHECK(mbox_try_send(mb, "1", 1) == 0);
    CHECK(mbox_try_send(mb, "2", 1) == 0);
    FAILS(mbox_try_send(mb, "3", 1), EAGAIN);
    CHECK(mbox_try_receive(mb, buf, sizeof buf) == 1 && buf[0] == '1');
    CHECK(mbox_try_send(mb, "3", 1) == 0);
    CHECK(mbox_receive(mb, buf, sizeof buf) == 1 && buf[0] == '2');
    CHECK(mbox_receive(mb, buf, sizeof buf) == 1 && buf[0] == '3');
    FAILS(mbox_try_receive(mb, buf, sizeof buf), EAGAIN);
    printf("capacity 2: third try_send EAGAIN, FIFO order\n");

    /* Reopening with another capacity opens the same bounded mailbox. */
    int again = mbox_open("b", 0);
    CHECK(again >= 0 && again != mb);
    CHECK(mbox_try_send(again, "x", 1) == 0);
    CHECK(mbox_try_send(again, "y", 1) == 0);
    FAILS(mbox_try_send(mb, "z", 1), EAGAIN);
    CHECK(mbox_receive(mb, buf, sizeof buf) == 1 && buf[0] == 'x');
    CHECK(mbox_receive(again, buf, sizeof buf) == 1 && buf[0] == 'y');
    CHECK(mbox_close(again) == 0);
    printf("reopen ignores the capacity\n");

    /* A blocking sender blocks while 2 messages are queued. */
    done[0] = 0;
    if ((c = fork()) == 0) {
        for (i = 0; i < 10; i++) {
            CHECK(mbox_send(mb, &i, sizeof i) == 0);
            done[0] = i + 1;
        }
        _exit(0);
    }
    await_eq(done, 2);
    msleep(200);
    printf("sends completed before any receive: %d\n", done[0]);
    for (i = 0; i < 10; i++) {
        CHECK(mbox_receive(mb, &v, sizeof v) == sizeof v);
        printf("%d%s", v, i == 9 ? "\n" : " ");
    }
    reap(c);

    /* Three producers, one consumer, capacity 3: per-producer order kept. */
    int m3 = mbox_open("b3", 3);
    CHECK(m3 >= 0);
    for (p = 0; p < 3; p++) {
        if ((kids[p] = fork()) == 0) {
            int msg[2];
            for (i = 0; i < 3000; i++) {
                msg[0] = p;
                msg[1] = i;
                CHECK(mbox_send(m3, msg, sizeof msg) == 0);
            }
            _exit(0);
        }
    }
    int next[3] = {0, 0, 0}, msg[2];
    for (i = 0; i < 9000; i++) {
        CHECK(mbox_receive(m3, msg, sizeof msg) == sizeof msg);
        CHECK(msg[0] >= 0 && msg[0] < 3 && msg[1] == next[msg[0]]);
        next[msg[0]]++;
    }
    for (p = 0; p < 3; p++)
        reap(kids[p]);
    FAILS(mbox_try_receive(m3, msg, sizeof msg), EAGAIN);
    printf("3 producers x 3000 through capacity 3: each in order\n");

    /* Two consumers, two producers, capacity 1: nothing lost or duplicated. */
    int m1 = mbox_open("b1", 1), res = mbox_open("b1-res", -1);
    CHECK(m1 >= 0 && res >= 0);
    pid_t all[4];
    for (p = 0; p < 4; p++) {
        if ((all[p] = fork()) == 0) {
            long sum = 0;
            if (p < 2) {
                for (i = 1; i <= 2000; i++)
                    CHECK(mbox_send(m1, &i, sizeof i) == 0);
                i = 0; /* one stop token per producer */
                CHECK(mbox_send(m1, &i, sizeof i) == 0);
            } else {
                for (;;) {
                    CHECK(mbox_receive(m1, &v, sizeof v) == sizeof v);
                    if (v == 0)
                        break;
                    sum += v;
                }
                CHECK(mbox_send(res, &sum, sizeof sum) == 0);
            }
            _exit(0);
        }
    }
    long s1, s2;
    CHECK(mbox_receive(res, &s1, sizeof s1) == sizeof s1);
    CHECK(mbox_receive(res, &s2, sizeof s2) == sizeof s2);
    for (p = 0; p < 4; p++)
        reap(all[p]);
    printf("2x2 through capacity 1: total %ld\n", s1 + s2);
    return 0;
}
