/* Assorted signal facts: SIGCHLD set to SIG_IGN reaps children
   automatically (wait fails with ECHILD); a SIGPIPE handler turns a write
   to a pipe without readers into EPIPE; msgrcv interrupted by a handler
   installed without SA_RESTART fails with EINTR; an interrupted sleep
   returns the seconds left. */
#include <stdio.h>
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

static volatile sig_atomic_t pipes = 0, alarms = 0;
static void on_pipe(int s) { (void)s; pipes++; }
static void on_alarm(int s) { (void)s; alarms++; }

int main(void)
{
    signal(SIGCHLD, SIG_IGN);
    for (int i = 0; i < 3; i++) if (fork() == 0) _exit(i);
    int r = wait(NULL);
    printf("wait with SIGCHLD ignored: %d ECHILD=%d\n", r, errno == ECHILD);
    signal(SIGCHLD, SIG_DFL);

    signal(SIGPIPE, on_pipe);
    int fd[2];
    pipe(fd);
    close(fd[0]);
    r = write(fd[1], "x", 1);
    printf("write without reader: %d EPIPE=%d handler ran %d\n", r, errno == EPIPE, (int)pipes);
    close(fd[1]);

    struct sigaction sa;
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    struct { long t; char c[8]; } m;
    alarm(1);
    r = msgrcv(q, &m, sizeof m.c, 0, 0);
    printf("msgrcv: %d EINTR=%d alarms %d\n", r, errno == EINTR, (int)alarms);
    msgctl(q, IPC_RMID, NULL);

    alarm(2);
    unsigned left = sleep(10);
    /* 8, or 7 when the signal comes late: natively a race */
    printf("sleep(10) interrupted, 7 or 8 seconds left: %d, alarms %d\n", left == 7 || left == 8, (int)alarms);
    return 0;
}
