/* A SIGALRM handler interrupting a blocking pipe read in one process, deterministically:
   alarm(1) fires while read() waits on an empty pipe; the handler itself writes a byte into
   the pipe. Without SA_RESTART read returns -1 EINTR (the byte stays for the next read);
   with SA_RESTART the read restarts and returns the handler's byte. pause() always returns
   -1 EINTR; sigaction reports the installed handler and flags. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int p[2];
static volatile sig_atomic_t fired;
static void on_alarm(int sig) {
    fired++;
    char c = sig == SIGALRM ? 'A' : '?';
    write(p[1], &c, 1);
}

static void install(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);
}

int main(void) {
    char buf[8];
    if (pipe(p) < 0) { perror("pipe"); return 1; }
    install(0);
    unsigned left = alarm(1);
    errno = 0;
    ssize_t n = read(p[0], buf, sizeof buf);
    int e = errno;
    printf("no SA_RESTART: alarm -> %u, read -> %zd (%s), fired %d\n", left, n, n < 0 ? strerror(e) : "ok", (int)fired);
    n = read(p[0], buf, sizeof buf);
    printf("next read -> %zd '%.*s'\n", n, (int)(n > 0 ? n : 0), buf);

    install(SA_RESTART);
    left = alarm(1);
    errno = 0;
    n = read(p[0], buf, sizeof buf);
    e = errno;
    printf("SA_RESTART: alarm -> %u, read -> %zd '%.*s' errno %d, fired %d\n", left, n, (int)(n > 0 ? n : 0), buf, e, (int)fired);

    alarm(1);
    errno = 0;
    int r = pause();
    e = errno;
    printf("pause -> %d (%s), fired %d\n", r, strerror(e), (int)fired);
    n = read(p[0], buf, sizeof buf);
    printf("handler's byte -> %zd '%.*s'\n", n, (int)(n > 0 ? n : 0), buf);

    struct sigaction old;
    sigaction(SIGALRM, NULL, &old);
    printf("old handler is on_alarm: %d, SA_RESTART set: %d\n", old.sa_handler == on_alarm, (old.sa_flags & SA_RESTART) != 0);
    return 0;
}
