/* Pins linux-ipc-semantics.md section 2 (message queues): the defaults
   with attr NULL (10 x 8192); attributes past msg_max / msgsize_max or
   not positive are EINVAL; MQ_PRIO_MAX is 32768 (32767 accepted,
   32768 and UINT_MAX EINVAL); a receive buffer smaller than mq_msgsize is
   EMSGSIZE even for a 1-byte message, which stays queued; a message of
   exactly mq_msgsize and one of 0 bytes are accepted; mq_setattr changes
   only O_NONBLOCK; EBADF for a send on O_RDONLY and after mq_close;
   messages survive mq_close and the creator's exit, priority included;
   O_CREAT on an existing queue ignores attr; the name rules of glibc and
   the kernel. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_162"

static const char *name(int e) {
    switch (e) {
    case EINVAL: return "EINVAL";
    case EMSGSIZE: return "EMSGSIZE";
    case EBADF: return "EBADF";
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EEXIST: return "EEXIST";
    case EAGAIN: return "EAGAIN";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    default: return "other";
    }
}

static void show(const char *what, long r) {
    printf("%-32s -> %ld %s\n", what, r, r < 0 ? name(errno) : "");
}

static void attrs(const char *what, mqd_t q) {
    struct mq_attr a;
    mq_getattr(q, &a);
    printf("%-32s -> flags %ld maxmsg %ld msgsize %ld curmsgs %ld\n", what, a.mq_flags & O_NONBLOCK ? 1L : 0L, a.mq_maxmsg, a.mq_msgsize, a.mq_curmsgs);
}

static void try_attr(const char *what, long maxmsg, long msgsize) {
    struct mq_attr a = {0};
    a.mq_maxmsg = maxmsg;
    a.mq_msgsize = msgsize;
    mqd_t q = mq_open(NAME, O_CREAT | O_RDWR, 0600, &a);
    show(what, q < 0 ? -1 : 0);
    if (q >= 0) {
        mq_close(q);
        mq_unlink(NAME);
    }
}

static void try_name(const char *what, const char *n) {
    mqd_t q = mq_open(n, O_CREAT | O_RDWR, 0600, NULL);
    show(what, q < 0 ? -1 : 0);
    if (q >= 0) {
        mq_close(q);
        mq_unlink(n);
    }
}

int main(void) {
    char buf[8192];
    unsigned prio = 0;
    mq_unlink(NAME);
    printf("MQ_PRIO_MAX %d\n", MQ_PRIO_MAX);
    mqd_t q = mq_open(NAME, O_CREAT | O_RDWR, 0600, NULL);
    attrs("defaults", q);
    mq_close(q);
    mq_unlink(NAME);
    try_attr("maxmsg 10, msgsize 8192", 10, 8192);
    try_attr("maxmsg 11", 11, 64);
    try_attr("msgsize 8193", 4, 8193);
    try_attr("maxmsg 0", 0, 64);
    try_attr("msgsize -1", 4, -1);

    struct mq_attr a = {0};
    a.mq_maxmsg = 3;
    a.mq_msgsize = 16;
    q = mq_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600, &a);
    show("send 32767", mq_send(q, "p", 1, 32767));
    show("send 32768", mq_send(q, "p", 1, 32768));
    show("send UINT_MAX", mq_send(q, "p", 1, UINT_MAX));
    show("receive, buffer 15", mq_receive(q, buf, 15, &prio));
    attrs("still queued", q);
    show("receive, buffer 16", mq_receive(q, buf, 16, &prio));
    show("send 16 bytes", mq_send(q, "0123456789abcdef", 16, 0));
    show("send 17 bytes", mq_send(q, "0123456789abcdefg", 17, 0));
    show("send 0 bytes", mq_send(q, "", 0, 3));
    show("receive (0 bytes, priority 3)", mq_receive(q, buf, 16, &prio));
    show("receive (16 bytes, priority 0)", mq_receive(q, buf, 16, &prio));
    printf("its priority %u\n", prio);
    struct mq_attr set = {0};
    set.mq_flags = O_NONBLOCK;
    set.mq_maxmsg = 9;
    set.mq_msgsize = 99;
    show("setattr", mq_setattr(q, &set, NULL));
    attrs("after setattr", q);
    struct mq_attr other = {0};
    other.mq_maxmsg = 7;
    other.mq_msgsize = 100;
    mqd_t q2 = mq_open(NAME, O_CREAT | O_RDWR, 0600, &other);
    attrs("O_CREAT on the existing queue", q2);
    mq_close(q2);
    mqd_t ro = mq_open(NAME, O_RDONLY);
    show("send on O_RDONLY", mq_send(ro, "x", 1, 0));
    mq_close(ro);
    mq_close(q);
    show("send after mq_close", mq_send(q, "x", 1, 0));
    show("receive after mq_close", mq_receive(q, buf, 16, &prio));
    fflush(stdout);
    /* A child sends and exits without closing; the message persists. */
    if (fork() == 0) {
        mqd_t c = mq_open(NAME, O_WRONLY);
        mq_send(c, "kept", 4, 7);
        exit(0);
    }
    wait(NULL);
    q = mq_open(NAME, O_RDONLY);
    attrs("reopened after the child", q);
    ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
    printf("got %.*s priority %u\n", (int)n, buf, prio);
    show("unlink", mq_unlink(NAME));
    show("open after unlink", mq_open(NAME, O_RDONLY));
    show("unlink again", mq_unlink(NAME));
    attrs("the descriptor still works", q);
    mq_close(q);
    show("open nonexistent", mq_open("/ipcsim_diff_162_none", O_RDWR));

    char n255[300], n256[300];
    n255[0] = n256[0] = '/';
    memset(n255 + 1, 'q', 255);
    n255[256] = 0;
    memset(n256 + 1, 'q', 256);
    n256[257] = 0;
    try_name("name \"\"", "");
    try_name("name \"/\"", "/");
    try_name("name \"//x\"", "//ipcsim_diff_162");
    try_name("name \"/x/\"", "/ipcsim_diff_162/");
    try_name("name \"/.\"", "/.");
    try_name("name \"/..\"", "/..");
    try_name("name / + 255", n255);
    try_name("name / + 256", n256);
    show("mq_unlink(\"noslash\")", mq_unlink("noslash"));
    return 0;
}
