/* Tiny overridden limits: only 2 waiter records and a pool of 8 messages,
 * so callers queue for waiter records and for pool messages. */
#define IPCSIM_WAITERS_MAX 2
#define IPCSIM_POOL_MSGS 8
#define IPCSIM_MSG_MAX 64
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    pid_t k[8];
    int rv, u, res, p, i;
    long total, s;

    t_init();
    rv = mbox_open("rv", 0);
    u = mbox_open("u", -1);
    res = mbox_open("res", -1);
    CHECK(rv >= 0 && u >= 0 && res >= 0);
    /* 4 rendezvous senders, 4 receivers, all blocking: 8 callers, 2 records. */
    for (p = 0; p < 8; p++) {
        if ((k[p] = fork()) == 0) {
            int v;
            s = 0;
            if (p < 4) {
                for (i = 1; i <= 500; i++)
                    CHECK(mbox_send(rv, &i, sizeof i) == 0);
                i = 0;
                CHECK(mbox_send(rv, &i, sizeof i) == 0);
            } else {
                for (;;) {
                    CHECK(mbox_receive(rv, &v, sizeof v) == sizeof v);
                    if (v == 0)
                        break;
                    s += v;
                }
                CHECK(mbox_send(res, &s, sizeof s) == 0);
            }
            _exit(0);
        }
    }
    for (total = 0, p = 0; p < 4; p++) {
        CHECK(mbox_receive(res, &s, sizeof s) == sizeof s);
        total += s;
    }
    for (p = 0; p < 8; p++)
        reap(k[p]);
    printf("rendezvous 4x4 with 2 waiter records: total %ld\n", total);

    /* Unbounded through a pool of 8: 4 senders, 2 receivers. */
    for (p = 0; p < 6; p++) {
        if ((k[p] = fork()) == 0) {
            int v;
            s = 0;
            if (p < 4) {
                for (i = 1; i <= 1000; i++)
                    CHECK(mbox_send(u, &i, sizeof i) == 0);
            } else {
                for (i = 0; i < 2000; i++) {
                    CHECK(mbox_receive(u, &v, sizeof v) == sizeof v);
                    s += v;
                }
                CHECK(mbox_send(res, &s, sizeof s) == 0);
            }
            _exit(0);
        }
    }
    for (total = 0, p = 0; p < 2; p++) {
        CHECK(mbox_receive(res, &s, sizeof s) == sizeof s);
        total += s;
    }
    for (p = 0; p < 6; p++)
        reap(k[p]);
    printf("unbounded through a pool of 8: total %ld\n", total);
    FAILS(mbox_send(u, "x", IPCSIM_MSG_MAX + 1), EMSGSIZE);
    return 0;
}
