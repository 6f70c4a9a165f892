/* Graceful shutdown: the child installs a SIGINT handler with signal()
   (glibc gives it SA_RESTART, so a blocked read is restarted) that
   acknowledges with write(), and a SIGTERM handler with sigaction that
   only sets a flag. It tells the parent it is ready, then works in a loop
   of blocking reads from a pipe; the parent sends work, then SIGINT,
   then SIGTERM and closes the work pipe; the child reports its counters
   and exits with the number of interrupts. */
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>

static volatile sig_atomic_t interrupts = 0, stop = 0;
static int ack_fd;
static void on_int(int s) { (void)s; interrupts++; write(ack_fd, "i", 1); }
static void on_term(int s) { (void)s; stop = 1; }

int main(void)
{
    int ready[2], work[2], ack[2];
    pipe(ready); pipe(work); pipe(ack);
    pid_t pid = fork();
    if (pid == 0) {
        close(work[1]); close(ready[0]); close(ack[0]);
        ack_fd = ack[1];
        signal(SIGINT, on_int);
        struct sigaction sa;
        sa.sa_handler = on_term;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0;
        sigaction(SIGTERM, &sa, NULL);
        write(ready[1], "R", 1);
        int items = 0, reads = 0;
        while (!stop) {
            int v;
            ssize_t n = read(work[0], &v, sizeof v);
            if (n == sizeof v) { items += v; reads++; write(ack[1], "a", 1); }
            else if (n == 0) break;
        }
        printf("child: stopping, sum %d in %d reads, interrupts %d, stop flag %d\n",
               items, reads, (int)interrupts, (int)stop);
        exit(interrupts);
    }
    close(ready[1]); close(work[0]); close(ack[1]);
    char c;
    read(ready[0], &c, 1);
    for (int v = 1; v <= 4; v++) {
        write(work[1], &v, sizeof v);
        read(ack[0], &c, 1);
    }
    kill(pid, SIGINT);
    read(ack[0], &c, 1);
    printf("parent: child acknowledged the interrupt with '%c'\n", c);
    fflush(stdout);
    kill(pid, SIGTERM);
    close(work[1]);
    int st;
    waitpid(pid, &st, 0);
    printf("parent: child exited %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    return 0;
}
