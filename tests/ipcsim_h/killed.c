/* Processes killed (SIGKILL) while blocked do not disturb the others.
 * (A process killed while it holds the registry lock -- only briefly,
 * inside a call -- wedges the run: a documented native limit, not tested.) */
#include <signal.h>
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    pid_t c[4], me = getpid();
    char buf[16];
    int b, p;

    t_init();
    b = mbox_open("k", 1);
    CHECK(b >= 0);
    /* Two blocked receivers, killed. */
    for (p = 0; p < 2; p++)
        if ((c[p] = fork()) == 0) {
            mbox_receive(b, buf, sizeof buf);
            _exit(2);
        }
    msleep(100);
    CHECK(waitpid(-1, NULL, WNOHANG) == 0); /* both blocked */
    for (p = 0; p < 2; p++) {
        kill(c[p], SIGKILL);
        CHECK(waitpid(c[p], NULL, 0) == c[p]);
    }
    /* A sender blocked on the full mailbox and a link receiver, killed. */
    CHECK(mbox_send(b, "one", 3) == 0);
    if ((c[2] = fork()) == 0) {
        mbox_send(b, "blocked", 7);
        _exit(2);
    }
    if ((c[3] = fork()) == 0) {
        receive_from(me, buf, sizeof buf);
        _exit(2);
    }
    msleep(100);
    CHECK(waitpid(-1, NULL, WNOHANG) == 0); /* both blocked */
    for (p = 2; p < 4; p++) {
        kill(c[p], SIGKILL);
        CHECK(waitpid(c[p], NULL, 0) == c[p]);
    }
    printf("killed blocked receivers and senders\n");
    CHECK(mbox_receive(b, buf, sizeof buf) == 3 && memcmp(buf, "one", 3) == 0);
    FAILS(mbox_try_receive(b, buf, sizeof buf), EAGAIN);
    CHECK(mbox_send(b, "after", 5) == 0);
    CHECK(mbox_receive(b, buf, sizeof buf) == 5 && memcmp(buf, "after", 5) == 0);
    if ((c[0] = fork()) == 0) {
        CHECK(receive_from(me, buf, sizeof buf) == 2);
        _exit(0);
    }
    CHECK(send_to(c[0], "hi", 2) == 0);
    reap(c[0]);
    printf("mailboxes and links keep working\n");
    return 0;
}
