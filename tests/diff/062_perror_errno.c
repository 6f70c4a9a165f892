/* pins errno and perror: errno set by strtol overflow (ERANGE), set by hand, perror with empty and NULL prefix */
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>

int main(void)
{
    errno = 0;
    long v = strtol("99999999999999999999", NULL, 10);
    printf("v=%ld errno==ERANGE: %d (%d)\n", v, errno == ERANGE, errno);
    perror("strtol");
    errno = 0;
    v = strtol("-99999999999999999999", NULL, 10);
    printf("v=%ld errno=%d\n", v, errno);
    errno = ENOENT;
    perror("open config");
    errno = EAGAIN;
    perror("");
    errno = EINTR;
    perror(NULL);
    errno = EBADF;
    perror("x");
    printf("codes: EPERM=%d ENOENT=%d EINTR=%d EBADF=%d EAGAIN=%d ENOMEM=%d EACCES=%d EEXIST=%d\n",
           EPERM, ENOENT, EINTR, EBADF, EAGAIN, ENOMEM, EACCES, EEXIST);
    printf("EINVAL=%d EPIPE=%d ERANGE=%d EWOULDBLOCK==EAGAIN:%d EMSGSIZE=%d ENAMETOOLONG=%d\n",
           EINVAL, EPIPE, ERANGE, EWOULDBLOCK == EAGAIN, EMSGSIZE, ENAMETOOLONG);
    errno = 0;
    v = strtol("123", NULL, 10);
    printf("success keeps errno 0: %d v=%ld\n", errno, v);
    return 0;
}
