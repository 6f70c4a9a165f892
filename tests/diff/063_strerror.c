/* pins strerror text (glibc) for common codes, 0, and an unknown code */
#include <stdio.h>
#include <string.h>
#include <errno.h>

int main(void)
{
    int codes[] = { 0, EPERM, ENOENT, ESRCH, EINTR, EIO, EBADF, ECHILD, EAGAIN, ENOMEM, EACCES,
                    EFAULT, EEXIST, ENOTDIR, EINVAL, EMFILE, ENOSPC, EPIPE, ERANGE, ENAMETOOLONG,
                    ENOSYS, EMSGSIZE, ETIMEDOUT, ECONNREFUSED, EADDRINUSE, ENOTCONN, EDEADLK };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
        printf("%3d: %s\n", codes[i], strerror(codes[i]));
    printf("unknown: %s\n", strerror(9999));
    printf("len ENOENT=%zu\n", strlen(strerror(ENOENT)));
    fprintf(stderr, "to stderr: %s\n", strerror(EPIPE));
    return 0;
}
