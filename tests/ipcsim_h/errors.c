/* Every specified errno, and the descriptor numbers. */
#include <fcntl.h>
#include <sys/resource.h>
#include "ipcsim.h"
#include "check.h"

int main(void)
{
    static char name[IPCSIM_NAME_MAX + 2];
    static char big[IPCSIM_MSG_MAX + 1];
    char buf[16];
    int mb, lowest, r;
    pid_t me = getpid(), c, dead;

    t_init();
    /* mbox_open */
    FAILS(mbox_open("", 0), EINVAL);
    memset(name, 'n', IPCSIM_NAME_MAX + 1);
    FAILS(mbox_open(name, 0), ENAMETOOLONG);
    FAILS(mbox_open(name, -5), ENAMETOOLONG);
    FAILS(mbox_open("ok", -2), EINVAL);
    name[IPCSIM_NAME_MAX] = 0;
    mb = mbox_open(name, -1);
    CHECK(mb >= 0);
    CHECK(mbox_close(mb) == 0);
    printf("mbox_open: EINVAL, ENAMETOOLONG, EINVAL; %d-byte name ok\n", IPCSIM_NAME_MAX);

    /* Descriptors: the lowest free one, like open(). */
    lowest = open("/dev/null", O_RDONLY);
    CHECK(lowest >= 0 && close(lowest) == 0);
    mb = mbox_open("e", -1);
    CHECK(mb == lowest);
    r = mbox_open("e2", -1);
    CHECK(r == lowest + 1);
    CHECK(mbox_close(mb) == 0);
    mb = mbox_open("e", -1); /* reuses the freed, lower number */
    CHECK(mb == lowest);
    CHECK(mbox_close(r) == 0);
    printf("mbox_open returns the lowest free descriptor\n");

    /* EBADF */
    FAILS(mbox_send(-1, "x", 1), EBADF);
    FAILS(mbox_send(12345, "x", 1), EBADF);
    FAILS(mbox_send(0, "x", 1), EBADF); /* a descriptor, but not a mailbox */
    FAILS(mbox_send(r, "x", 1), EBADF); /* closed */
    FAILS(mbox_send(r, big, sizeof big), EBADF); /* EBADF before EMSGSIZE */
    FAILS(mbox_receive(r, buf, sizeof buf), EBADF);
    FAILS(mbox_try_send(r, "x", 1), EBADF);
    FAILS(mbox_try_receive(r, buf, sizeof buf), EBADF);
    FAILS(mbox_close(r), EBADF);
    FAILS(mbox_close(-1), EBADF);
    printf("EBADF for bad, foreign and closed descriptors\n");

    /* EMSGSIZE */
    FAILS(mbox_send(mb, big, sizeof big), EMSGSIZE);
    FAILS(mbox_try_send(mb, big, sizeof big), EMSGSIZE);
    CHECK(mbox_send(mb, "four", 4) == 0);
    FAILS(mbox_receive(mb, buf, 3), EMSGSIZE);
    FAILS(mbox_try_receive(mb, buf, 3), EMSGSIZE);
    CHECK(mbox_receive(mb, buf, 4) == 4);
    printf("EMSGSIZE on send and receive\n");

    /* A forked child inherits the descriptor. */
    if ((c = fork()) == 0) {
        CHECK(mbox_send(mb, "kid", 3) == 0);
        CHECK(mbox_close(mb) == 0);
        FAILS(mbox_send(mb, "kid", 3), EBADF);
        _exit(0);
    }
    reap(c);
    CHECK(mbox_receive(mb, buf, sizeof buf) == 3);
    printf("descriptor inherited by fork; closing in the child is private\n");

    /* Links */
    if ((dead = fork()) == 0)
        _exit(0);
    reap(dead);
    FAILS(send_to(me, "x", 1), EINVAL);
    FAILS(send_to(me, big, sizeof big), EINVAL);
    FAILS(send_to(dead, "x", 1), ESRCH);
    FAILS(send_to(dead, big, sizeof big), ESRCH);
    FAILS(send_to(0, "x", 1), ESRCH);
    FAILS(send_to(-5, "x", 1), ESRCH);
    FAILS(send_to(getppid(), big, sizeof big), EMSGSIZE);
    FAILS(receive_from(me, buf, sizeof buf), EINVAL);
    FAILS(receive_from(dead, buf, sizeof buf), ESRCH);
    FAILS(receive_from(0, buf, sizeof buf), ESRCH);
    FAILS(receive_from(-7, buf, sizeof buf), ESRCH);
    printf("send_to/receive_from: EINVAL, ESRCH, EMSGSIZE\n");

    /* EMFILE: no descriptor left. */
    if ((c = fork()) == 0) {
        struct rlimit rl;
        int fd, last = -1;
        CHECK(getrlimit(RLIMIT_NOFILE, &rl) == 0);
        rl.rlim_cur = 64;
        CHECK(setrlimit(RLIMIT_NOFILE, &rl) == 0);
        while ((fd = open("/dev/null", O_RDONLY)) >= 0)
            last = fd;
        CHECK(errno == EMFILE && last == 63);
        FAILS(mbox_open("e", -1), EMFILE);
        FAILS(mbox_open("never-created", -1), EMFILE);
        close(last);
        CHECK(mbox_open("e", -1) == last);
        _exit(0);
    }
    reap(c);
    /* The mailbox of the failed open was not created: a new open creates it
     * with its own capacity. */
    r = mbox_open("never-created", 0);
    FAILS(mbox_try_send(r, "x", 1), EAGAIN);
    printf("EMFILE when no descriptor is free\n");
    return 0;
}
