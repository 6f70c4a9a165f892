/* BSD err.h: warnx, warn (with errno), warn(NULL), err exiting with its status after flushing stdout; <sys/signal.h> */
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/signal.h>
int main(int argc, char **argv) {
    printf("buffered before err\n");
    warnx("plain %d", 42);
    errno = ENOENT;
    warn("with errno %s", "x");
    warn(NULL);
    if (open("/nonexistent/file", O_RDONLY) < 0)
        err(3, "cannot open %s", "/nonexistent/file");
    return 0;
}
