/* Handlers that write(): a handler's write() goes out at once, ahead of text main left in
   stdout's buffer (stdout is a pipe or file, fully buffered), while printf in a handler
   (safe here: main waits in sigsuspend) lands in the same buffer in order. A handler that
   saves and restores errno leaves main's errno alone; one that does not leaks EBADF. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t mode, hits;
static void on_sig(int sig) {
    hits++;
    if (mode == 0) {
        write(1, "handler: write to stdout\n", 25);
        write(2, "handler: write to stderr\n", 25);
    } else if (mode == 1) {
        printf("handler: printf while main waits (sig %d)\n", sig);
    } else if (mode == 2) {
        int saved = errno;
        write(-1, "x", 1);
        errno = saved;
    } else {
        write(-1, "x", 1);
    }
}

int main(void) {
    signal(SIGUSR1, on_sig);
    printf("main: buffered before raise\n");
    write(1, "main: write before raise\n", 25);
    raise(SIGUSR1);
    printf("main: buffered after raise\n");
    fflush(stdout);

    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, &old);
    mode = 1;
    printf("main: buffered, then sigsuspend\n");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    printf("main: in buffer before the handler's printf\n");
    while (hits < 2)
        sigsuspend(&old);
    printf("main: after sigsuspend\n");
    waitpid(pid, NULL, 0);
    sigprocmask(SIG_SETMASK, &old, NULL);

    mode = 2;
    errno = ENOENT;
    raise(SIGUSR1);
    printf("restoring handler: errno %s\n", strerror(errno));
    mode = 3;
    errno = ENOENT;
    raise(SIGUSR1);
    printf("careless handler: errno %s\n", strerror(errno));
    write(2, "main: stderr last\n", 18);
    return 0;
}
