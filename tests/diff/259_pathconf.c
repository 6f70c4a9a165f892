/* fpathconf of a pipe (PIPE_BUF 4096, LINK_MAX 127) and of a file, pathconf of directories, unknown names (EINVAL), a bad descriptor and a missing path (-1, but PIPE_BUF still answered) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int p[2];
    pipe(p);
    int f = open("pc.txt", O_CREAT | O_WRONLY, 0644);
    for (int n = -1; n <= 21; n++) {
        errno = 0;
        long a = fpathconf(p[0], n);
        int ea = errno;
        errno = 0;
        long b = fpathconf(f, n);
        int eb = errno;
        errno = 0;
        long c = pathconf("/tmp", n);
        int ec = errno;
        printf("%d: pipe %ld/%d file %ld/%d dir %ld/%d\n", n, a, ea, b, eb, c, ec);
    }
    errno = 0;
    long bad = fpathconf(99, _PC_PIPE_BUF);
    printf("bad fd, PIPE_BUF: %ld errno %d\n", bad, errno);
    errno = 0;
    bad = fpathconf(99, _PC_NAME_MAX);
    printf("bad fd, NAME_MAX: %ld errno %d\n", bad, errno);
    errno = 0;
    bad = pathconf("/nonexistent", _PC_NAME_MAX);
    printf("missing path: %ld errno %d\n", bad, errno);
    close(f);
    unlink("pc.txt");
    return 0;
}
