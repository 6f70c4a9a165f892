/* alarm's return values: 0 when none is pending, else the seconds left, rounded to the
   nearest (Linux), so re-arming at once returns the old count; alarm(0) cancels and
   reports what was left; a fork child does not inherit the parent's alarm; an alarm
   fires into a caught handler while the process waits in pause(), which returns -1 EINTR. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static void on_alarm(int sig) { got = sig; }

int main(void) {
    unsigned a = alarm(2);
    unsigned b = alarm(5);
    unsigned c = alarm(0);
    unsigned d = alarm(0);
    printf("alarm(2)=%u alarm(5)=%u alarm(0)=%u alarm(0)=%u\n", a, b, c, d);

    alarm(3);
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        unsigned left = alarm(0);
        printf("child: inherited alarm %u\n", left);
        fflush(stdout);
        _exit(left == 0 ? 0 : 1);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("parent: child exit %d, own alarm left %u\n", WEXITSTATUS(st), alarm(0));

    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, &old);
    printf("previous SIGALRM action is SIG_DFL: %d\n", old.sa_handler == SIG_DFL);
    alarm(1);
    errno = 0;
    int r = pause();
    int e = errno;
    printf("pause -> %d %s, handler got %d, alarm now %u\n", r, strerror(e), (int)got, alarm(0));

    /* An alarm cancelled at once never arrives: the next signal the handler sees is the
       SIGUSR1 raised afterwards. */
    got = 0;
    alarm(1);
    alarm(0);
    signal(SIGUSR1, on_alarm);
    raise(SIGUSR1);
    printf("after cancel: got %d (SIGUSR1 is %d)\n", (int)got, SIGUSR1);
    return 0;
}
