/* Steps on file locks of several processes at once, for the footprint
   review (tests/it/machine.rs walks it over many seeds): flock waits and
   conversions, record locks waited for, a close of a second descriptor
   and an exit releasing record locks, F_GETLK beside them. Locks are
   always taken in one order: no deadlock. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

static int lk(int fd, int cmd, short type, off_t start, off_t len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, cmd, &fl);
}

int main(void) {
    close(open("fp_a", O_RDWR | O_CREAT | O_TRUNC, 0644));
    close(open("fp_b", O_RDWR | O_CREAT | O_TRUNC, 0644));
    for (int k = 0; k < 3; k++) {
        if (fork() == 0) {
            int a = open("fp_a", O_RDWR), b = open("fp_b", O_RDWR);
            flock(a, k == 0 ? LOCK_SH : LOCK_EX);
            lk(b, F_SETLKW, k == 1 ? F_RDLCK : F_WRLCK, k, 4);
            flock(a, LOCK_SH);
            int again = open("fp_b", O_RDONLY);
            struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
            fcntl(again, F_GETLK, &q);
            close(again);
            lk(b, F_SETLKW, F_WRLCK, 2, 2);
            flock(a, LOCK_UN);
            if (k == 2)
                exit(0);
            lk(b, F_SETLK, F_UNLCK, 0, 0);
            close(a);
            exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    unlink("fp_a");
    unlink("fp_b");
    return 0;
}
