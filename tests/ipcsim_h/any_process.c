/* receive_from(ANY_PROCESS): global send order across links. */
#include "ipcsim.h"
#include "check.h"

static int cmd[3][2], ack[2];

/* Child k: on each command byte, send that byte to the parent, then ack. */
static void child(int k, pid_t parent)
{
    char c;
    int j;
    for (j = 0; j < 3; j++) {
        close(cmd[j][1]);
        if (j != k)
            close(cmd[j][0]);
    }
    close(ack[0]);
    link_capacity(-1);
    while (read(cmd[k][0], &c, 1) == 1) {
        CHECK(send_to(parent, &c, 1) == 0);
        CHECK(write(ack[1], "a", 1) == 1);
    }
    _exit(0);
}

int main(void)
{
    pid_t me = getpid(), kid[3];
    const char *script = "A0B0A1C0B1C1A2";
    char buf[16], a;
    int k, i;
    ssize_t n;

    t_init();
    CHECK(pipe(ack) == 0);
    for (k = 0; k < 3; k++)
        CHECK(pipe(cmd[k]) == 0);
    for (k = 0; k < 3; k++)
        if ((kid[k] = fork()) == 0)
            child(k, me);
    close(ack[1]);
    for (k = 0; k < 3; k++)
        close(cmd[k][0]);
    /* Each pair of script characters: which child sends, and what. */
    for (i = 0; script[i]; i += 2) {
        char m[1];
        m[0] = script[i + 1];
        k = script[i] - 'A';
        CHECK(write(cmd[k][1], m, 1) == 1);
        CHECK(read(ack[0], &a, 1) == 1);
    }
    for (k = 0; k < 3; k++)
        close(cmd[k][1]);
    for (k = 0; k < 3; k++)
        reap(kid[k]);

    /* The oldest from B first, then everything else in global order. */
    n = receive_from(kid[1], buf, sizeof buf);
    CHECK(n == 1);
    printf("from B: %c\n", buf[0]);
    printf("ANY_PROCESS:");
    for (i = 0; i < 6; i++) {
        CHECK(receive_from(ANY_PROCESS, buf, sizeof buf) == 1);
        printf(" %c", buf[0]);
    }
    printf("\n");
    for (k = 0; k < 3; k++)
        FAILS(receive_from(kid[k], buf, sizeof buf), ESRCH);

    /* ANY_PROCESS blocks until someone sends (a rendezvous link). */
    pid_t c;
    if ((c = fork()) == 0) {
        msleep(150);
        CHECK(send_to(me, "late", 4) == 0);
        _exit(0);
    }
    long t0 = now_ms();
    n = receive_from(ANY_PROCESS, buf, sizeof buf);
    CHECK(n == 4 && memcmp(buf, "late", 4) == 0 && now_ms() - t0 >= 100);
    reap(c);
    printf("ANY_PROCESS waited for a sender\n");

    /* EMSGSIZE through ANY_PROCESS leaves the message. */
    link_capacity(-1);
    if ((c = fork()) == 0) {
        CHECK(send_to(me, "abcdef", 6) == 0);
        CHECK(send_to(me, "x", 1) == 0);
        _exit(0);
    }
    reap(c);
    FAILS(receive_from(ANY_PROCESS, buf, 3), EMSGSIZE);
    CHECK(receive_from(ANY_PROCESS, buf, sizeof buf) == 6);
    CHECK(receive_from(ANY_PROCESS, buf, sizeof buf) == 1 && buf[0] == 'x');
    printf("ANY_PROCESS: EMSGSIZE keeps the oldest message\n");

    /* Many senders at once, one ANY_PROCESS receiver: per-sender order. */
    link_capacity(0);
    pid_t s[4];
    for (k = 0; k < 4; k++) {
        if ((s[k] = fork()) == 0) {
            int msg[2];
            for (i = 0; i < 500; i++) {
                msg[0] = k;
                msg[1] = i;
                CHECK(send_to(me, msg, sizeof msg) == 0);
            }
            _exit(0);
        }
    }
    int next[4] = {0, 0, 0, 0}, msg[2];
    for (i = 0; i < 2000; i++) {
        CHECK(receive_from(ANY_PROCESS, msg, sizeof msg) == sizeof msg);
        CHECK(msg[0] >= 0 && msg[0] < 4 && msg[1] == next[msg[0]]);
        next[msg[0]]++;
    }
    for (k = 0; k < 4; k++)
        reap(s[k]);
    printf("4 senders x 500 to ANY_PROCESS, each in order\n");
    return 0;
}
