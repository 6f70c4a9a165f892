/* mq_notify as Linux's: SIGEV_NONE and SIGEV_SIGNAL registrations, EBUSY for a second one (the owner's too, and another process's), NULL removing the owner's; the signal only when a message arrives on the empty queue with no receiver blocked, with si_code SI_MESGQ, si_value and the sender's pid, then the registration gone; a close of any of the owner's descriptors of the queue or its exit removes it; EINVAL for a bad sigevent, EBADF */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t got, code, value, from;

static void on_usr1(int sig, siginfo_t *si, void *ctx) {
    (void)ctx;
    got = sig;
    code = si->si_code;
    value = si->si_value.sival_int;
    from = si->si_pid;
}

static const char *try(mqd_t q, const struct sigevent *sev) {
    return mq_notify(q, sev) == 0 ? "0" : strerror(errno);
}

int main(void) {
    struct mq_attr a = {.mq_maxmsg = 4, .mq_msgsize = 16};
    mq_unlink("/n309");
    mqd_t q = mq_open("/n309", O_CREAT | O_RDWR, 0600, &a);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_usr1;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);

    struct sigevent none = {0}, sig = {0}, bad = {0};
    none.sigev_notify = SIGEV_NONE;
    sig.sigev_notify = SIGEV_SIGNAL;
    sig.sigev_signo = SIGUSR1;
    sig.sigev_value.sival_int = 42;
    printf("none: %s\n", try(q, &none));
    printf("again: %s\n", try(q, &sig));
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        printf("child while registered: %s\n", try(q, &sig));
        printf("child NULL: %s\n", try(q, NULL));
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    printf("still registered: %s\n", try(q, &sig));
    printf("NULL: %s\n", try(q, NULL));
    printf("NULL again: %s\n", try(q, NULL));
    bad.sigev_notify = 99;
    printf("notify 99: %s\n", try(q, &bad));
    bad.sigev_notify = SIGEV_SIGNAL;
    bad.sigev_signo = 65;
    printf("signo 65: %s\n", try(q, &bad));
    printf("bad mqd: %s\n", try(77, &sig));

    /* A message from a child on the empty queue: the signal. */
    printf("signal: %s\n", try(q, &sig));
    fflush(stdout);
    c = fork();
    if (c == 0) {
        mq_send(q, "hello", 6, 1);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    printf("got %d code %s value %d from child %d\n", (int)got, code == SI_MESGQ ? "SI_MESGQ" : "other", (int)value,
           from == c);
    printf("gone after firing: %s\n", try(q, &none));
    mq_notify(q, NULL);

    /* The queue not empty: a send does not fire; the registration stays. */
    got = 0;
    printf("register on non-empty: %s\n", try(q, &sig));
    mq_send(q, "more", 5, 1);
    printf("got %d, still there: %s\n", (int)got, try(q, &sig));
    char buf[16];
    while (mq_receive(q, buf, sizeof buf, NULL) >= 0 && errno != EAGAIN) {
        struct mq_attr now;
        mq_getattr(q, &now);
        if (now.mq_curmsgs == 0)
            break;
    }
    /* Now empty: a send by the owner itself fires at once. */
    mq_send(q, "self", 5, 1);
    printf("self send: got %d code %s\n", (int)got, code == SI_MESGQ ? "SI_MESGQ" : "other");
    mq_receive(q, buf, sizeof buf, NULL);

    /* A receiver blocked on the empty queue takes the message: no signal. */
    got = 0;
    printf("register: %s\n", try(q, &sig));
    fflush(stdout);
    c = fork();
    if (c == 0) {
        ssize_t n = mq_receive(q, buf, sizeof buf, NULL);
        printf("child received %zd '%s'\n", n, buf);
        fflush(stdout);
        _exit(0);
    }
    usleep(200000);
    mq_send(q, "taken", 6, 1);
    waitpid(c, NULL, 0);
    printf("got %d, still registered: %s\n", (int)got, try(q, &sig));

    /* Closing another descriptor of the queue removes the registration. */
    mqd_t q2 = mq_open("/n309", O_RDONLY);
    mq_close(q2);
    printf("after a close: %s\n", try(q, &none));

    /* A registered child that exits leaves the queue free. */
    mq_notify(q, NULL);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        printf("child registers: %s\n", try(q, &none));
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    printf("after the child's exit: %s\n", try(q, &none));
    mq_close(q);
    mq_unlink("/n309");
    return 0;
}
