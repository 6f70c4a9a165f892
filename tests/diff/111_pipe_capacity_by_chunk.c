/* Pipe capacity is counted in page slots: non-blocking writes of each chunk size fill an empty pipe to a measured total (linux-ipc-semantics.md §1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static char buf[8192];

static void fill(int chunk) {
    int fd[2];
    pipe(fd);
    fcntl(fd[1], F_SETFL, O_NONBLOCK);
    long total = 0;
    for (;;) {
        ssize_t n = write(fd[1], buf, chunk);
        if (n < 0) {
            printf("chunk %5d: %6ld bytes, then %s\n", chunk, total, errno == EAGAIN ? "EAGAIN" : "other");
            break;
        }
        total += n;
        if (n < chunk) {
            printf("chunk %5d: partial write of %zd\n", chunk, n);
        }
    }
    close(fd[0]);
    close(fd[1]);
}

int main(void) {
    int chunks[] = {1, 100, 1000, 2048, 4096, 4097, 5000, 8192};
    for (int i = 0; i < 8; i++)
        fill(chunks[i]);
    return 0;
}
