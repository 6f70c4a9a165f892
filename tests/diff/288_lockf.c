/* lockf(3) as glibc makes it of fcntl write locks from the current
   offset (measured on Linux 6.18): F_TEST is 0 when the range is free or
   the caller's own, else -1 with EACCES (even on a read-only descriptor);
   F_TLOCK's conflict is fcntl's EAGAIN, and on a read-only descriptor
   EBADF; a negative length covers the bytes before the offset; a bad
   command is EINVAL before a bad descriptor. Then forked children take
   turns under F_LOCK to add one to a counter in the file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define F "lockf288.dat"
#define KIDS 3
#define ROUNDS 4

static void show(const char *what, int r) {
    printf("%-40s = %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
    fflush(stdout);
}

int main(void) {
    int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0000000000", 10);
    lseek(fd, 2, SEEK_SET);
    show("F_LOCK 3 bytes at 2", lockf(fd, F_LOCK, 3));
    show("F_TEST (own lock)", lockf(fd, F_TEST, 3));
    int go[2], done[2];
    pipe(go);
    pipe(done);
    if (fork() == 0) {
        int o = open(F, O_RDWR);
        show("child F_TEST from 0, len 0", lockf(o, F_TEST, 0));
        show("child F_TEST from 0, len 2", lockf(o, F_TEST, 2));
        show("child F_TLOCK from 0, len 0", lockf(o, F_TLOCK, 0));
        show("child F_TLOCK from 0, len 2", lockf(o, F_TLOCK, 2));
        show("child bad command", lockf(o, 9, 0));
        int ro = open(F, O_RDONLY);
        show("child read-only F_TEST", lockf(ro, F_TEST, 0));
        show("child read-only F_TLOCK", lockf(ro, F_TLOCK, 1));
        show("child read-only F_ULOCK", lockf(ro, F_ULOCK, 0));
        lseek(o, 5, SEEK_SET);
        show("child F_TLOCK at 5, len -2", lockf(o, F_TLOCK, -2));
        show("child F_TLOCK at 5, len -6", lockf(o, F_TLOCK, -6));
        show("child F_TLOCK at 5, len 1", lockf(o, F_TLOCK, 1));
        /* Blocks until the parent unlocks. */
        write(go[1], "x", 1);
        lseek(o, 0, SEEK_SET);
        show("child F_LOCK all (waits)", lockf(o, F_LOCK, 0));
        show("child F_ULOCK all", lockf(o, F_ULOCK, 0));
        exit(0);
    }
    char ch;
    read(go[0], &ch, 1);
    lseek(fd, 2, SEEK_SET);
    int r = lockf(fd, F_ULOCK, 3);
    wait(NULL);
    show("F_ULOCK 3 bytes at 2 (the child waited)", r);
    show("bad descriptor F_LOCK", lockf(77, F_LOCK, 0));
    show("bad descriptor F_TEST", lockf(77, F_TEST, 0));
    show("bad descriptor, bad command", lockf(77, 9, 0));

    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            int o = open(F, O_RDWR);
            for (int r = 0; r < ROUNDS; r++) {
                lseek(o, 0, SEEK_SET);
                if (lockf(o, F_LOCK, 0) != 0)
                    exit(1);
                char b[11] = {0};
                pread(o, b, 10, 0);
                char out[16];
                snprintf(out, sizeof out, "%010d", atoi(b) + 1);
                pwrite(o, out, 10, 0);
                lseek(o, 0, SEEK_SET);
                lockf(o, F_ULOCK, 0);
            }
            exit(0);
        }
    }
    int ok = 0;
    for (int k = 0; k < KIDS; k++) {
        int st;
        wait(&st);
        ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    char b[11] = {0};
    pread(fd, b, 10, 0);
    printf("%d children exited 0; counter = %d (expected %d)\n", ok, atoi(b), KIDS * ROUNDS);
    unlink(F);
    return 0;
}
