/* sem_timedwait, mq_timedsend and mq_timedreceive on the clock: a deadline
   that passes is ETIMEDOUT (in strict virtual time, after exactly the
   timeout), a bad timespec is EINVAL before anything else, a post in time
   ends the wait, a past deadline with a value of 1 succeeds. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static struct timespec in_ms(long ms) {
    struct timespec t;
    clock_gettime(CLOCK_REALTIME, &t);
    t.tv_sec += ms / 1000;
    t.tv_nsec += (ms % 1000) * 1000000;
    if (t.tv_nsec >= 1000000000) { t.tv_sec++; t.tv_nsec -= 1000000000; }
    return t;
}

int main(void) {
    sem_t *s = mmap(NULL, sizeof(sem_t), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(s, 1, 0);
    struct timespec t = in_ms(200);
    int r = sem_timedwait(s, &t);
    printf("timed wait at 0: %d %s\n", r, r ? strerror(errno) : "");
    struct timespec bad = {0, 2000000000};
    sem_post(s);
    r = sem_timedwait(s, &bad);
    printf("bad nsec with value 1: %d %s\n", r, r ? strerror(errno) : "");
    struct timespec past = {0, 0};
    r = sem_timedwait(s, &past);
    printf("past deadline with value 1: %d\n", r);
    if (fork() == 0) {
        usleep(100000);
        sem_post(s);
        return 0;
    }
    t = in_ms(2000);
    r = sem_timedwait(s, &t);
    printf("posted in time: %d\n", r);
    wait(NULL);
    mq_unlink("/timedq");
    struct mq_attr a = {0};
    a.mq_maxmsg = 1;
    a.mq_msgsize = 8;
    mqd_t q = mq_open("/timedq", O_CREAT | O_RDWR, 0600, &a);
    char buf[8];
    t = in_ms(100);
    printf("receive empty: %zd %s\n", mq_timedreceive(q, buf, 8, NULL, &t), strerror(errno));
    mq_send(q, "x", 1, 0);
    t = in_ms(100);
    errno = 0;
    r = mq_timedsend(q, "y", 1, 0, &t);
    printf("send full: %d %s\n", r, strerror(errno));
    r = mq_timedsend(q, "y", 1, 0, &bad);
    printf("send bad timeout: %d %s\n", r, strerror(errno));
    mq_close(q);
    mq_unlink("/timedq");
    return 0;
}
