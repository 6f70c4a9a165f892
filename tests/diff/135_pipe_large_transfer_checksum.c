/* A child streams 300000 bytes through a pipe in odd-sized writes; the parent reads with a small odd buffer until EOF and checks the count and a position-sensitive checksum, not the chunk sizes. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOTAL 300000

static unsigned char byte_at(long i) {
    return (unsigned char)((i * 131 + (i >> 8)) & 0xff);
}

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t c = fork();
    if (c == 0) {
        close(fd[0]);
        static unsigned char buf[7001];
        long sent = 0;
        while (sent < TOTAL) {
            long n = TOTAL - sent < 7001 ? TOTAL - sent : 7001;
            for (long k = 0; k < n; k++)
                buf[k] = byte_at(sent + k);
            ssize_t w = write(fd[1], buf, n);
            if (w != n) {
                perror("write");
                exit(1);
            }
            sent += w;
        }
        exit(0);
    }
    close(fd[1]);
    unsigned char buf[997];
    long got = 0, bad = 0;
    unsigned long sum = 0;
    ssize_t n;
    while ((n = read(fd[0], buf, sizeof buf)) > 0) {
        for (ssize_t k = 0; k < n; k++) {
            if (buf[k] != byte_at(got + k))
                bad++;
            sum = sum * 31 + buf[k];
        }
        got += n;
    }
    int st;
    waitpid(c, &st, 0);
    printf("got %ld bytes, %ld wrong, checksum %lu, last read %zd, child exit %d\n", got, bad, sum, n, WEXITSTATUS(st));
    return 0;
}
