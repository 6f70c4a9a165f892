/* a SIGALRM handler (signal(): SA_RESTART) runs while main waits in open() of a named pipe: the handler's own open of a regular file works, and the restarted open of the pipe meets the writer that comes later; without SA_RESTART the open fails with EINTR and its end is closed */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_alarm(int sig) {
    (void)sig;
    int fd = open("t264.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
    write(fd, "alarm\n", 6);
    close(fd);
}

int main(void) {
    unlink("t264.ff");
    mkfifo("t264.ff", 0600);
    signal(SIGALRM, on_alarm);
    if (fork() == 0) {
        sleep(2);
        int w = open("t264.ff", O_WRONLY);
        write(w, "hi", 2);
        close(w);
        _exit(0);
    }
    alarm(1);
    int r = open("t264.ff", O_RDONLY); /* interrupted at t=1, restarted */
    char b[3] = {0};
    read(r, b, 2);
    printf("read '%s'\n", b);
    close(r);
    wait(NULL);
    char log[16] = {0};
    int l = open("t264.log", O_RDONLY);
    read(l, log, sizeof log - 1);
    close(l);
    printf("log: %s", log);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL); /* no SA_RESTART now */
    alarm(1);
    r = open("t264.ff", O_RDONLY);
    int e = errno;
    printf("without SA_RESTART: %d %s\n", r, e == EINTR ? "EINTR" : "?");
    /* its end was closed: a non-blocking writer finds no reader */
    int w = open("t264.ff", O_WRONLY | O_NONBLOCK);
    e = errno;
    printf("writer: %d %s\n", w, e == ENXIO ? "ENXIO" : "?");
    unlink("t264.ff");
    unlink("t264.log");
    return 0;
}
