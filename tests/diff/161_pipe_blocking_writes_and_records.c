/* Pins linux-ipc-semantics.md section 1 (pipes): a blocking write larger
   than the free space writes what fits, blocks and returns the whole
   count once the reader drains; a blocking write of at most PIPE_BUF on a
   full pipe returns its whole count once room frees; a writer blocked on
   a full pipe gets -1 EPIPE (SIGPIPE ignored) when the last reader
   closes; a non-blocking write without readers is EPIPE too; records of
   512 and 4096 bytes from two concurrent writers are never torn, and each
   writer's records stay in order. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char big[200000];
static char rec[4096];

static const char *name(int e) {
    switch (e) {
    case EPIPE: return "EPIPE";
    case EAGAIN: return "EAGAIN";
    default: return "other";
    }
}

static int read_full(int fd, char *b, int n) {
    int got = 0;
    while (got < n) {
        ssize_t r = read(fd, b + got, n - got);
        if (r <= 0)
            break;
        got += r;
    }
    return got;
}

static void records(int size) {
    int p[2];
    pipe(p);
    for (int w = 0; w < 2; w++) {
        if (fork() == 0) {
            close(p[0]);
            char r[4096];
            for (int i = 0; i < 20; i++) {
                memset(r, 'a' + w, size);
                r[0] = (char)i;
                write(p[1], r, size);
            }
            _exit(0);
        }
    }
    close(p[1]);
    int torn = 0, count = 0, next[2] = {0, 0}, disorder = 0;
    char r[4096];
    while (read_full(p[0], r, size) == size) {
        int w = r[1] - 'a';
        for (int k = 1; k < size; k++)
            if (r[k] != r[1])
                torn = 1;
        if (w < 0 || w > 1) {
            torn = 1;
            continue;
        }
        if (r[0] != next[w])
            disorder = 1;
        next[w]++;
        count++;
    }
    close(p[0]);
    wait(NULL);
    wait(NULL);
    printf("records of %d: %d read, torn %d, out of order %d\n", size, count, torn, disorder);
}

int main(void) {
    int p[2], st;
    /* 1. write(200000) into an empty pipe returns 200000 once read. */
    pipe(p);
    if (fork() == 0) {
        close(p[0]);
        ssize_t n = write(p[1], big, sizeof big);
        printf("blocking write(200000) -> %zd\n", n);
        fflush(stdout);
        _exit(0);
    }
    close(p[1]);
    static char in[200000];
    int got = read_full(p[0], in, sizeof in);
    close(p[0]);
    wait(NULL);
    printf("reader got %d\n", got);
    fflush(stdout);
    /* 2. A 10-byte write on a full pipe waits for room. */
    pipe(p);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    while (write(p[1], rec, sizeof rec) > 0)
        ;
    fcntl(p[1], F_SETFL, 0);
    if (fork() == 0) {
        close(p[0]);
        ssize_t n = write(p[1], "0123456789", 10);
        printf("blocking write(10) on a full pipe -> %zd\n", n);
        fflush(stdout);
        _exit(0);
    }
    close(p[1]);
    got = read_full(p[0], in, 65536 + 10);
    close(p[0]);
    wait(NULL);
    printf("reader got %d\n", got);
    fflush(stdout);
    /* 3. A writer blocked on a full pipe when the last reader closes. */
    pipe(p);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    while (write(p[1], rec, sizeof rec) > 0)
        ;
    fcntl(p[1], F_SETFL, 0);
    if (fork() == 0) {
        signal(SIGPIPE, SIG_IGN);
        close(p[0]);
        ssize_t n = write(p[1], "0123456789", 10);
        printf("blocked writer, reader closed -> %zd %s\n", n, n < 0 ? name(errno) : "");
        fcntl(p[1], F_SETFL, O_NONBLOCK);
        n = write(p[1], "x", 1);
        printf("non-blocking, no reader -> %zd %s\n", n, n < 0 ? name(errno) : "");
        fflush(stdout);
        _exit(0);
    }
    close(p[1]);
    close(p[0]);
    wait(&st);
    printf("writer exited %d\n", WEXITSTATUS(st));
    /* 4. Concurrent writers of records up to PIPE_BUF. */
    records(512);
    records(4096);
    return 0;
}
