/* The order of Linux's checks in the corners of message queues and
   semaphores: mq_setattr refuses flags other than O_NONBLOCK; a receive
   into a bad buffer loses the message; a send reads the message before
   it looks for room; access mode 3 creates a queue that can neither send
   nor receive, and cannot open an existing one; sem_close refuses a
   semaphore sem_open did not return. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

/* A null pointer the compiler cannot see (it warns of a literal one). */
static char *nowhere;

static void show(const char *what, long r) {
    printf("%s: %ld %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void) {
    struct mq_attr a = {0}, n = {0}, o;
    a.mq_maxmsg = 2;
    a.mq_msgsize = 8;
    mq_unlink("/ipcsim_diff_150");
    mq_unlink("/ipcsim_diff_150b");
    mqd_t q = mq_open("/ipcsim_diff_150", O_CREAT | O_RDWR, 0600, &a);
    n.mq_flags = O_RDWR | O_NONBLOCK;
    show("setattr with O_RDWR", mq_setattr(q, &n, &o));
    show("send", mq_send(q, "abcdefgh", 8, 0));
    show("receive into NULL", mq_receive(q, nowhere, 16, NULL));
    mq_getattr(q, &o);
    printf("messages left: %ld\n", o.mq_curmsgs);
    mq_send(q, "a", 1, 0);
    mq_send(q, "b", 1, 0);
    n.mq_flags = O_NONBLOCK;
    mq_setattr(q, &n, NULL);
    show("NULL message to a full queue", mq_send(q, nowhere, 4, 0));
    show("bad priority first", mq_send(-1, nowhere, 4, 40000));
    mqd_t q3 = mq_open("/ipcsim_diff_150b", O_CREAT | 3, 0600, &a);
    printf("create with mode 3: %s\n", q3 >= 0 ? "ok" : "failed");
    show("send on mode 3", mq_send(q3, "x", 1, 0));
    show("reopen with mode 3", mq_open("/ipcsim_diff_150b", 3));
    mq_unlink("/ipcsim_diff_150");
    mq_unlink("/ipcsim_diff_150b");

    sem_t *s = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(s, 1, 1);
    show("sem_close of an unnamed semaphore", sem_close(s));
    show("post after it", sem_post(s));
    return 0;
}
