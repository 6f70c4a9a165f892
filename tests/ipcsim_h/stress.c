/* Race shaker: many processes on rendezvous, bounded and try paths. */
#include <sched.h>
#include "ipcsim.h"
#include "check.h"

#define N 2000

int main(void)
{
    pid_t me = getpid(), k[8];
    int rv, b1, res, i, p;
    long total, s;

    t_init();
    rv = mbox_open("s-rv", 0);
    b1 = mbox_open("s-b1", 1);
    res = mbox_open("s-res", -1);
    CHECK(rv >= 0 && b1 >= 0 && res >= 0);

    /* 3 rendezvous senders, 3 receivers (one of them only tries). */
    for (p = 0; p < 6; p++) {
        if ((k[p] = fork()) == 0) {
            int v;
            s = 0;
            if (p < 3) {
                for (i = 1; i <= N; i++)
                    CHECK(mbox_send(rv, &i, sizeof i) == 0);
                i = 0;
                CHECK(mbox_send(rv, &i, sizeof i) == 0);
            } else {
                for (;;) {
                    ssize_t n = p == 5 ? mbox_try_receive(rv, &v, sizeof v)
                                       : mbox_receive(rv, &v, sizeof v);
                    if (n < 0) {
                        CHECK(p == 5 && errno == EAGAIN);
                        sched_yield();
                        continue;
                    }
                    CHECK(n == sizeof v);
                    if (v == 0)
                        break;
                    s += v;
                }
                CHECK(mbox_send(res, &s, sizeof s) == 0);
            }
            _exit(0);
        }
    }
    for (total = 0, p = 0; p < 3; p++) {
        CHECK(mbox_receive(res, &s, sizeof s) == sizeof s);
        total += s;
    }
    for (p = 0; p < 6; p++)
        reap(k[p]);
    printf("rendezvous 3x3: total %ld\n", total);

    /* Rendezvous: blocking receivers, senders that only try_send. */
    for (p = 0; p < 4; p++) {
        if ((k[p] = fork()) == 0) {
            int v;
            s = 0;
            if (p < 2) {
                for (i = 1; i <= N; i++)
                    while (mbox_try_send(rv, &i, sizeof i) != 0) {
                        CHECK(errno == EAGAIN);
                        sched_yield();
                    }
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
    for (total = 0, p = 0; p < 2; p++) {
        CHECK(mbox_receive(res, &s, sizeof s) == sizeof s);
        total += s;
    }
    for (p = 0; p < 4; p++)
        reap(k[p]);
    printf("rendezvous try_send 2x2: total %ld\n", total);

    /* Bounded 1, 4 producers (half try), 4 consumers (half try). */
    for (p = 0; p < 8; p++) {
        if ((k[p] = fork()) == 0) {
            int v;
            s = 0;
            if (p < 4) {
                for (i = 1; i <= N; i++) {
                    if (p & 1) {
                        while (mbox_try_send(b1, &i, sizeof i) != 0) {
                            CHECK(errno == EAGAIN);
                            sched_yield();
                        }
                    } else {
                        CHECK(mbox_send(b1, &i, sizeof i) == 0);
                    }
                }
                i = 0;
                CHECK(mbox_send(b1, &i, sizeof i) == 0);
            } else {
                for (;;) {
                    ssize_t n = (p & 1) ? mbox_try_receive(b1, &v, sizeof v)
                                        : mbox_receive(b1, &v, sizeof v);
                    if (n < 0) {
                        CHECK((p & 1) && errno == EAGAIN);
                        sched_yield();
                        continue;
                    }
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
    printf("bounded 1, 4x4: total %ld\n", total);

    /* Links: 6 senders to the parent over capacity-1 links; the parent
     * mixes receive_from(ANY_PROCESS) with receive_from(a given sender). */
    link_capacity(1);
    for (p = 0; p < 6; p++) {
        if ((k[p] = fork()) == 0) {
            int m[2];
            for (i = 1; i <= N; i++) {
                m[0] = p;
                m[1] = i;
                CHECK(send_to(me, m, sizeof m) == 0);
            }
            _exit(0);
        }
    }
    int last[6] = {0}, m[2];
    for (total = 0, i = 0; i < 6 * N; i++) {
        p = i % 3 == 0 ? i / 3 % 6 : -1;
        if (p >= 0 && last[p] == N)
            p = -1;
        CHECK(receive_from(p >= 0 ? k[p] : ANY_PROCESS, m, sizeof m) == sizeof m);
        CHECK(m[0] >= 0 && m[0] < 6 && (p < 0 || m[0] == p));
        CHECK(m[1] == last[m[0]] + 1);
        last[m[0]] = m[1];
        total += m[1];
    }
    for (p = 0; p < 6; p++)
        reap(k[p]);
    printf("links capacity 1, 6 senders: total %ld\n", total);
    return 0;
}
