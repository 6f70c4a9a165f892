/* client/server over two fifos: the server child reads numbers from to_server and answers their squares on to_client; both open to_server first, so the blocking opens pair up without deadlock */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define TO_SERVER "/tmp/ipcsim_t254_to_server"
#define TO_CLIENT "/tmp/ipcsim_t254_to_client"

int main(void) {
    unlink(TO_SERVER);
    unlink(TO_CLIENT);
    if (mkfifo(TO_SERVER, 0600) || mkfifo(TO_CLIENT, 0600)) { perror("mkfifo"); return 1; }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        /* server */
        int in = open(TO_SERVER, O_RDONLY);
        int out = open(TO_CLIENT, O_WRONLY);
        if (in < 0 || out < 0) _exit(2);
        long x;
        int served = 0;
        /* requests are fixed-size binary longs; read returns 0 when the client closes */
        while (read(in, &x, sizeof x) == (ssize_t)sizeof x) {
            long y = x * x;
            if (write(out, &y, sizeof y) != (ssize_t)sizeof y) _exit(3);
            served++;
        }
        close(in);
        close(out);
        _exit(served);
    }
    /* client */
    int out = open(TO_SERVER, O_WRONLY);
    int in = open(TO_CLIENT, O_RDONLY);
    printf("opened %d %d\n", out >= 0, in >= 0);
    long nums[] = {3, -7, 12, 100000, 0, 46341};
    int count = sizeof nums / sizeof nums[0];
    for (int i = 0; i < count; i++) {
        long y = -1;
        write(out, &nums[i], sizeof nums[i]);
        ssize_t n = read(in, &y, sizeof y);
        printf("%ld^2 = %ld (%zd bytes)\n", nums[i], y, n);
    }
    close(out); /* server sees EOF and exits */
    char c;
    printf("reply fifo after server closed: %zd\n", read(in, &c, 1));
    close(in);
    int st;
    waitpid(pid, &st, 0);
    printf("server served %d\n", WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    printf("unlink %d %d\n", unlink(TO_SERVER), unlink(TO_CLIENT));
    return 0;
}
