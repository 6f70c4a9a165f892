/* F_SETPIPE_SZ rounds up to a power-of-two number of pages (minimum one); EBUSY when the data would not fit; EINVAL for negative sizes. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    int sizes[] = {0, 1, 4096, 4097, 5000, 12288, 65537, 1048576};
    for (int i = 0; i < 8; i++)
        printf("set %7d -> %d\n", sizes[i], fcntl(fd[1], F_SETPIPE_SZ, sizes[i]));
    int r = fcntl(fd[1], F_SETPIPE_SZ, -1);
    printf("set -1 -> %d %s\n", r, strerror(errno));
    fcntl(fd[1], F_SETPIPE_SZ, 65536);
    static char data[10000];
    write(fd[1], data, sizeof data);
    r = fcntl(fd[1], F_SETPIPE_SZ, 4096);
    printf("10000 buffered, set 4096 -> %d %s\n", r, strerror(errno));
    printf("set 16384 -> %d\n", fcntl(fd[1], F_SETPIPE_SZ, 16384));
    r = fcntl(1, F_GETPIPE_SZ) == -1 ? errno : 0;
    printf("F_GETPIPE_SZ on a closed fd: %d\n", fcntl(99, F_GETPIPE_SZ) == -1 ? errno : 0);
    return 0;
}
