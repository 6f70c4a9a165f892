/* Unbounded mailboxes (capacity -1) and the native message pool. */
#include "ipcsim.h"
#include "check.h"

static char big[IPCSIM_MSG_MAX + 1];
static char got[IPCSIM_MSG_MAX + 1];

int main(void)
{
    volatile int *done = shared(4096);
    int mb, i, v;
    pid_t c;

    t_init();
    mb = mbox_open("u", -1);
    CHECK(mb >= 0);
    for (i = 0; i < 1000; i++)
        CHECK(mbox_send(mb, &i, sizeof i) == 0);
    for (i = 0; i < 1000; i++)
        CHECK(mbox_receive(mb, &v, sizeof v) == sizeof v && v == i);
    FAILS(mbox_try_receive(mb, &v, sizeof v), EAGAIN);
    printf("1000 sends without a receiver, received in order\n");

    /* Zero-length and maximum-length messages; EMSGSIZE leaves it queued. */
    for (i = 0; i < (int)sizeof big; i++)
        big[i] = (char)('a' + i % 26);
    CHECK(mbox_send(mb, "", 0) == 0);
    CHECK(mbox_send(mb, big, IPCSIM_MSG_MAX) == 0);
    FAILS(mbox_send(mb, big, IPCSIM_MSG_MAX + 1), EMSGSIZE);
    CHECK(mbox_receive(mb, NULL, 0) == 0);
    FAILS(mbox_receive(mb, got, IPCSIM_MSG_MAX - 1), EMSGSIZE);
    FAILS(mbox_try_receive(mb, got, 10), EMSGSIZE);
    CHECK(mbox_receive(mb, got, sizeof got) == IPCSIM_MSG_MAX);
    CHECK(memcmp(got, big, IPCSIM_MSG_MAX) == 0);
    printf("0-byte and %d-byte messages; EMSGSIZE keeps the message\n", IPCSIM_MSG_MAX);

    /* Closing does not destroy: messages stay, reopen by name finds them. */
    CHECK(mbox_send(mb, "kept", 4) == 0);
    CHECK(mbox_close(mb) == 0);
    mb = mbox_open("u", 5);
    CHECK(mb >= 0);
    CHECK(mbox_receive(mb, got, sizeof got) == 4 && memcmp(got, "kept", 4) == 0);
    printf("close keeps the mailbox and its messages\n");

    /* A mailbox created by a child after fork is found by name by the parent. */
    if ((c = fork()) == 0) {
        int late = mbox_open("late", -1);
        CHECK(late >= 0);
        CHECK(mbox_send(late, "from child", 10) == 0);
        _exit(0);
    }
    reap(c);
    int late = mbox_open("late", 0);
    CHECK(late >= 0);
    CHECK(mbox_try_send(late, "x", 1) == 0); /* unbounded, not rendezvous */
    CHECK(mbox_receive(late, got, sizeof got) == 10 && memcmp(got, "from child", 10) == 0);
    CHECK(mbox_receive(late, got, sizeof got) == 1 && got[0] == 'x');
    printf("mailbox created by a child is shared with the parent\n");

    /* Pool exhaustion: the sender blocks after IPCSIM_POOL_MSGS messages. */
    done[0] = 0;
    if ((c = fork()) == 0) {
        for (i = 0; i < IPCSIM_POOL_MSGS + 1000; i++) {
            CHECK(mbox_send(mb, &i, sizeof i) == 0);
            done[0] = i + 1;
        }
        _exit(0);
    }
    await_eq(done, IPCSIM_POOL_MSGS);
    msleep(200);
    printf("sends before the pool ran out: %d\n", done[0]);
    FAILS(mbox_try_send(late, "x", 1), EAGAIN);
    for (i = 0; i < IPCSIM_POOL_MSGS + 1000; i++)
        CHECK(mbox_receive(mb, &v, sizeof v) == sizeof v && v == i);
    reap(c);
    FAILS(mbox_try_receive(mb, &v, sizeof v), EAGAIN);
    printf("%d messages through the pool, in order\n", IPCSIM_POOL_MSGS + 1000);

    /* Concurrent producers and consumers, big messages. */
    int res = mbox_open("u-res", -1);
    pid_t kids[6];
    for (int p = 0; p < 6; p++) {
        if ((kids[p] = fork()) == 0) {
            static char m[2048];
            long sum = 0;
            if (p < 3) {
                for (i = 1; i <= 1500; i++) {
                    memset(m, i & 0xff, sizeof m);
                    memcpy(m, &i, sizeof i);
                    CHECK(mbox_send(mb, m, 16 + (size_t)(i % 2000)) == 0);
                }
            } else {
                for (i = 0; i < 1500; i++) {
                    ssize_t n = mbox_receive(mb, m, sizeof m);
                    int k;
                    CHECK(n >= 16);
                    memcpy(&k, m, sizeof k);
                    CHECK(n == 16 + k % 2000 && (unsigned char)m[n - 1] == (k & 0xff));
                    sum += k;
                }
                CHECK(mbox_send(res, &sum, sizeof sum) == 0);
            }
            _exit(0);
        }
    }
    long total = 0, s;
    for (int p = 0; p < 3; p++) {
        CHECK(mbox_receive(res, &s, sizeof s) == sizeof s);
        total += s;
    }
    for (int p = 0; p < 6; p++)
        reap(kids[p]);
    printf("3 producers, 3 consumers: total %ld\n", total);
    return 0;
}
