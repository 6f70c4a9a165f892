/* Which other blocking calls SA_RESTART restarts (signal(7)): a SIGALRM handler makes the
   call completable. mq_receive and waitpid are restarted and complete; System V msgrcv
   fails with EINTR even under SA_RESTART (the message waits for the next call);
   nanosleep fails with EINTR even so and reports what is left in rem (about 4 s of 5). */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/msg.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int mode, msqid;
static mqd_t mq;
static pid_t child;
static volatile sig_atomic_t fired;
struct msg { long type; char text[8]; };
static void on_alarm(int sig) {
    (void)sig;
    fired++;
    if (mode == 1) mq_send(mq, "mq!", 3, 5);
    if (mode == 2) { struct msg m = {7, "sysv"}; msgsnd(msqid, &m, 5, 0); }
    if (mode == 3) kill(child, SIGKILL);
}

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGALRM, &sa, NULL);

    struct mq_attr at = {0, 4, 16, 0};
    mq_unlink("/diffsig193");
    mq = mq_open("/diffsig193", O_CREAT | O_RDWR, 0600, &at);
    if (mq == (mqd_t)-1) { perror("mq_open"); return 1; }
    char buf[16];
    unsigned prio = 0;
    mode = 1;
    alarm(1);
    ssize_t n = mq_receive(mq, buf, sizeof buf, &prio);
    printf("mq_receive -> %zd '%.*s' prio %u, fired %d\n", n, (int)(n > 0 ? n : 0), buf, prio, (int)fired);
    mq_close(mq);
    mq_unlink("/diffsig193");

    msqid = msgget(IPC_PRIVATE, 0600);
    struct msg m;
    mode = 2;
    alarm(1);
    n = msgrcv(msqid, &m, sizeof m.text, 0, 0);
    int e = errno;
    printf("msgrcv -> %zd %s, fired %d\n", n, n < 0 ? strerror(e) : "", (int)fired);
    n = msgrcv(msqid, &m, sizeof m.text, 0, IPC_NOWAIT);
    printf("msgrcv again -> %zd type %ld '%s'\n", n, m.type, m.text);
    msgctl(msqid, IPC_RMID, NULL);

    fflush(stdout);
    child = fork();
    if (child == 0) {
        for (;;)
            pause();
    }
    mode = 3;
    alarm(1);
    int st = 0;
    pid_t w = waitpid(child, &st, 0);
    printf("waitpid -> child %d, signaled %d sig %d, fired %d\n", w == child, WIFSIGNALED(st), WTERMSIG(st), (int)fired);

    mode = 0;
    struct timespec req = {5, 0}, rem = {0, 0};
    alarm(1);
    int r = nanosleep(&req, &rem);
    e = errno;
    printf("nanosleep -> %d %s, rem rounded %ld s, fired %d\n", r, strerror(e), (long)(rem.tv_sec + (rem.tv_nsec >= 500000000)), (int)fired);
    return 0;
}
