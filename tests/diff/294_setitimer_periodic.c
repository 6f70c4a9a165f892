#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/time.h>

static volatile sig_atomic_t ticks;
static void tick(int s) { (void)s; ticks++; }

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = tick;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 0, 200000 }, { 0, 300000 } }, got;
    printf("setitimer %d\n", setitimer(ITIMER_REAL, &it, NULL));
    getitimer(ITIMER_REAL, &got);
    printf("interval %ld.%06ld armed %d\n", (long)got.it_interval.tv_sec, (long)got.it_interval.tv_usec, got.it_value.tv_sec > 0 || got.it_value.tv_usec > 0);
    while (ticks < 3)
        pause();
    struct itimerval off = { { 0, 0 }, { 0, 0 } }, old;
    setitimer(ITIMER_REAL, &off, &old);
    printf("ticks %d, old interval %ld.%06ld\n", (int)ticks, (long)old.it_interval.tv_sec, (long)old.it_interval.tv_usec);
    getitimer(ITIMER_REAL, &got);
    printf("disarmed %d\n", got.it_value.tv_sec == 0 && got.it_value.tv_usec == 0);
    struct itimerval bad = { { 0, 0 }, { 0, 1000000 } };
    int r = setitimer(ITIMER_REAL, &bad, NULL);
    printf("bad usec %d %s\n", r, strerror(errno));
    it.it_value.tv_sec = 5; it.it_value.tv_usec = 0; it.it_interval.tv_usec = 0;
    setitimer(ITIMER_REAL, &it, NULL);
    printf("alarm after setitimer(5s) %u\n", alarm(0));
    return 0;
}
