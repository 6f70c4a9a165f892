/* sigaction with and without SA_RESTART on a child blocked reading a pipe: the parent waits
   until the child has installed its handler, sends SIGUSR1, waits for the handler's own
   write() to say it ran, then writes the data. Whether the signal caught the child inside
   read() (EINTR, or a restart) or just before it is a race, so the child retries on EINTR
   and reports only what it finally read and that the handler ran exactly once. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t handled;
static int note_fd;
static void on_usr1(int sig) {
    handled++;
    char c = (char)('0' + sig);
    write(note_fd, &c, 1);
}

static void trial(int flags, const char *label) {
    int data[2], ready[2], note[2];
    if (pipe(data) < 0 || pipe(ready) < 0 || pipe(note) < 0) { perror("pipe"); exit(1); }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(data[1]); close(ready[0]); close(note[0]);
        note_fd = note[1];
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_usr1;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = flags;
        if (sigaction(SIGUSR1, &sa, NULL) < 0) { perror("sigaction"); _exit(1); }
        write(ready[1], "r", 1);
        char buf[32];
        ssize_t n;
        while ((n = read(data[0], buf, sizeof buf)) < 0 && errno == EINTR)
            ;
        printf("%s child: read %zd bytes '%.*s', handler ran %d time(s)\n", label, n, (int)(n > 0 ? n : 0), buf, (int)handled);
        fflush(stdout);
        _exit(handled == 1 ? 7 : 8);
    }
    close(data[0]); close(ready[1]); close(note[1]);
    char c;
    if (read(ready[0], &c, 1) != 1) { printf("no ready byte\n"); exit(1); }
    kill(pid, SIGUSR1);
    if (read(note[0], &c, 1) != 1) { printf("no note\n"); exit(1); }
    printf("%s parent: handler wrote '%c' (SIGUSR1 is %d)\n", label, c, SIGUSR1);
    fflush(stdout);
    write(data[1], "payload", 7);
    close(data[1]);
    int st;
    waitpid(pid, &st, 0);
    printf("%s parent: child exited %d\n", label, WIFEXITED(st) ? WEXITSTATUS(st) : -WTERMSIG(st));
    close(ready[0]); close(note[0]);
}

int main(void) {
    trial(0, "no-restart");
    trial(SA_RESTART, "restart");
    return 0;
}
