/* Sleeps and timed waits shorter than a pending alarm end on time: with alarm(3) armed
   and a handler installed, usleep(0.3 s), nanosleep(0.3 s), sleep(1) return 0 and a
   0.3 s sem_timedwait times out, all before it fires; alarm(0) then reports 1 (1.1 s
   left). An alarm interrupting sleep(5) 0.3 s in makes glibc's sleep return the whole
   seconds left, truncated (4.7 -> 4, not rounded); nanosleep fills rem with the 4.3 s
   left. */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t fired;
static void on_alarm(int sig) { (void)sig; fired++; }

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);

    alarm(3);
    int r1 = usleep(300000);
    struct timespec q = {0, 300000000};
    int r2 = nanosleep(&q, NULL);
    unsigned r3 = sleep(1);
    printf("usleep %d, nanosleep %d, sleep %u, fired %d\n", r1, r2, r3, (int)fired);
    sem_t sem;
    sem_init(&sem, 0, 0);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 300000000;
    if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
    errno = 0;
    int r0 = sem_timedwait(&sem, &until);
    printf("sem_timedwait -> %d %s, fired %d\n", r0, strerror(errno), (int)fired);
    unsigned left = alarm(0);
    printf("alarm(0) -> %u\n", left);

    alarm(1);
    usleep(700000);
    unsigned r4 = sleep(5);
    printf("sleep(5) interrupted 0.3 s in -> %u, fired %d\n", r4, (int)fired);

    alarm(1);
    q.tv_sec = 0;
    q.tv_nsec = 300000000;
    nanosleep(&q, NULL);
    struct timespec req = {5, 0}, rem = {0, 0};
    errno = 0;
    int r5 = nanosleep(&req, &rem);
    int e = errno;
    printf("nanosleep(5 s) -> %d %s, rem %ld s and 0.2..0.4: %d, fired %d\n", r5, strerror(e), (long)rem.tv_sec,
           rem.tv_nsec > 200000000 && rem.tv_nsec < 400000000, (int)fired);
    return 0;
}
