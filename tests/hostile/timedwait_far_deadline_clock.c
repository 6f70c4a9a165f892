/* Fixed (issue 9/10 hostile review), was: sem_timedwait with deadline {LONG_MAX, 999999999} and nobody to post: Linux blocks forever (ipcsim should report a deadlock), but `ipcsim run` (strict time) returns ETIMEDOUT and the virtual CLOCK_REALTIME saturates at 18446744073.709551615 s -- still before the deadline that supposedly passed -- and then sleep(10) no longer advances CLOCK_REALTIME. Run: ipcsim run timedwait_far_deadline_clock.c */
#include <stdio.h>
#include <errno.h>
#include <time.h>
#include <semaphore.h>
#include <limits.h>
#include <unistd.h>
int main(void) {
    sem_t s; sem_init(&s, 0, 0);
    struct timespec t = {LONG_MAX, 999999999}, now;
    int r = sem_timedwait(&s, &t);
    fprintf(stderr, "timedwait %d %d\n", r, errno);
    clock_gettime(CLOCK_REALTIME, &now);
    fprintf(stderr, "now %ld %ld\n", (long)now.tv_sec, now.tv_nsec);
    sleep(10);
    clock_gettime(CLOCK_REALTIME, &now);
    fprintf(stderr, "after sleep(10) %ld %ld\n", (long)now.tv_sec, now.tv_nsec);
    return 0;
}
