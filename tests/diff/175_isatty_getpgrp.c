/* isatty: 0 with ENOTTY for stdin (/dev/null) and a captured stdout, EBADF
   for a descriptor not open; the run is one process group led by its
   first process (getpgrp). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
    int a = isatty(0), e0 = errno;
    int b = isatty(1);
    int c = isatty(99), e2 = errno;
    printf("stdin %d (%d) stdout %d bad %d (%d) pgrp==pid %d\n", a, e0, b, c, e2, getpgrp() == getpid());
    return 0;
}
