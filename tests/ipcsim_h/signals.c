/* Signals caught during blocked calls do not break them (EINTR retried). */
#include <signal.h>
#include <sys/time.h>
#include "ipcsim.h"
#include "check.h"

static volatile sig_atomic_t ticks;
static void on_alarm(int sig)
{
    (void)sig;
    ticks++;
}

int main(void)
{
    struct sigaction sa;
    struct itimerval it = {{0, 5000}, {0, 5000}};
    char buf[16];
    pid_t me = getpid(), c;
    int rv, i;

    t_init();
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm; /* no SA_RESTART: sem_wait fails with EINTR */
    sigemptyset(&sa.sa_mask);
    CHECK(sigaction(SIGALRM, &sa, NULL) == 0);
    rv = mbox_open("sig", 0);
    CHECK(rv >= 0);
    if ((c = fork()) == 0) {
        for (i = 0; i < 3; i++) {
            msleep(100);
            CHECK(mbox_send(rv, "m", 1) == 0);
        }
        msleep(100);
        CHECK(send_to(me, "link", 4) == 0);
        CHECK(receive_from(me, buf, sizeof buf) == 4);
        _exit(0);
    }
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    for (i = 0; i < 3; i++)
        CHECK(mbox_receive(rv, buf, sizeof buf) == 1 && buf[0] == 'm');
    CHECK(receive_from(c, buf, sizeof buf) == 4);
    msleep(50);
    CHECK(send_to(c, "back", 4) == 0);
    it.it_value.tv_usec = it.it_interval.tv_usec = 0;
    CHECK(setitimer(ITIMER_REAL, &it, NULL) == 0);
    reap(c);
    CHECK(ticks > 10);
    printf("blocked calls survive a 5 ms SIGALRM timer\n");
    return 0;
}
