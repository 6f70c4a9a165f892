/* mkfifo + fork: the child writes lines into the fifo, the parent reads them until read returns 0 (EOF once the only writer closed) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t250_fifo"

int main(void) {
    unlink(FIFO);
    printf("mkfifo %d\n", mkfifo(FIFO, 0600));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        int w = open(FIFO, O_WRONLY); /* blocks until the parent opens for reading */
        if (w < 0) _exit(2);
        for (int i = 1; i <= 5; i++) {
            char line[32];
            int n = snprintf(line, sizeof line, "line %d\n", i);
            if (write(w, line, n) != n) _exit(3);
        }
        close(w);
        _exit(0);
    }
    int r = open(FIFO, O_RDONLY); /* blocks until the child opens for writing */
    printf("open rd %d\n", r >= 0);
    char all[256];
    size_t total = 0;
    ssize_t n;
    while ((n = read(r, all + total, sizeof all - 1 - total)) > 0) total += n;
    all[total] = '\0';
    printf("last read %zd, total %zu\n%s", n, total, all);
    printf("read after EOF %zd\n", read(r, all, 10));
    close(r);
    int st;
    waitpid(pid, &st, 0);
    printf("child exit %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
