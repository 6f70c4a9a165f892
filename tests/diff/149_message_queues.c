/* POSIX message queues as Linux has them: priority order (highest
   first, FIFO within a priority), a blocking send on a full queue woken
   by a receiver in another process, and the errors of the calls
   (EMSGSIZE, EAGAIN, EBADF, EEXIST, ENOENT, EINVAL, EACCES). */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_149"

static void show(const char *what, int r) {
    printf("%s: %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void) {
    mq_unlink(NAME);
    struct mq_attr attr = {0};
    attr.mq_maxmsg = 4;
    attr.mq_msgsize = 64;
    mqd_t q = mq_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600, &attr);
    printf("open %s\n", q < 0 ? strerror(errno) : "ok");
    show("exclusive again", mq_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600, &attr));
    show("no slash", mq_open("noslash", O_RDWR));
    show("two parts", mq_open("/a/b", O_RDWR));
    const char *words[] = {"a1", "b1", "a2", "b2", "c1", "top", "c2"};
    unsigned prios[] = {1, 5, 1, 5, 0, 32767, 0};
    for (int k = 0; k < 4; k++)
        mq_send(q, words[k], strlen(words[k]), prios[k]);
    struct mq_attr now;
    mq_getattr(q, &now);
    printf("maxmsg %ld msgsize %ld curmsgs %ld\n", now.mq_maxmsg, now.mq_msgsize, now.mq_curmsgs);
    char small[16], buf[64];
    unsigned prio;
    show("small buffer", (int)mq_receive(q, small, sizeof small, &prio));
    char big[65] = {0};
    show("too long", mq_send(q, big, sizeof big, 0));
    show("bad priority", mq_send(q, "x", 1, 32768));
    struct mq_attr nb = {0};
    nb.mq_flags = O_NONBLOCK;
    mq_setattr(q, &nb, NULL);
    show("full, non-blocking", mq_send(q, "x", 1, 0));
    for (int k = 0; k < 4; k++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("got %.*s/%u\n", (int)n, buf, prio);
    }
    show("empty, non-blocking", (int)mq_receive(q, buf, sizeof buf, &prio));
    nb.mq_flags = 0;
    mq_setattr(q, &nb, NULL);
    for (int k = 4; k < 7; k++)
        mq_send(q, words[k], strlen(words[k]), prios[k]);
    for (int k = 0; k < 3; k++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("got %.*s/%u\n", (int)n, buf, prio);
    }
    fflush(stdout);
    if (fork() == 0) {
        mqd_t w = mq_open(NAME, O_WRONLY);
        for (int k = 0; k < 8; k++) {
            char m[8];
            snprintf(m, sizeof m, "m%d", k);
            mq_send(w, m, strlen(m), 0); /* blocks when 4 are queued */
        }
        int r = (int)mq_receive(w, buf, sizeof buf, &prio);
        exit(r < 0 && errno == EBADF ? 9 : 1);
    }
    for (int k = 0; k < 8; k++) {
        ssize_t n = mq_receive(q, buf, sizeof buf, &prio);
        printf("got %.*s\n", (int)n, buf);
        fflush(stdout);
    }
    int st;
    wait(&st);
    printf("receive on write-only: %s\n", WEXITSTATUS(st) == 9 ? "EBADF" : "?");
    show("close", mq_close(q));
    show("unlink", mq_unlink(NAME));
    show("reopen", mq_open(NAME, O_RDWR));
    show("unlink again", mq_unlink(NAME));
    return 0;
}
