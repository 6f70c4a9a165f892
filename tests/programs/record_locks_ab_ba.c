/* Two children each lock a byte of one file (fcntl F_SETLK), wait until
   the other holds its own, then wait with F_SETLKW for the other's byte.
   Linux gives EDEADLK to exactly one of them, the one whose wait would
   close the cycle; it lets its byte go and the other gets the lock.
   The parent exits 0 if exactly one child saw EDEADLK: no schedule
   deadlocks, none gives EDEADLK to both. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int lock_byte(int fd, int cmd, short type, off_t byte) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = byte;
    fl.l_len = 1;
    return fcntl(fd, cmd, &fl);
}

static void child(off_t mine, int tell, int hear) {
    int fd = open("ab_ba.dat", O_RDWR);
    char c;
    lock_byte(fd, F_SETLK, F_WRLCK, mine);
    write(tell, "x", 1);
    read(hear, &c, 1);
    if (lock_byte(fd, F_SETLKW, F_WRLCK, 1 - mine) == 0)
        exit(0);
    int deadlock = errno == EDEADLK;
    lock_byte(fd, F_SETLK, F_UNLCK, mine);
    exit(deadlock ? 1 : 2);
}

int main(void) {
    close(open("ab_ba.dat", O_RDWR | O_CREAT | O_TRUNC, 0644));
    int ab[2], ba[2];
    pipe(ab);
    pipe(ba);
    if (fork() == 0)
        child(0, ab[1], ba[0]);
    if (fork() == 0)
        child(1, ba[1], ab[0]);
    int deadlocks = 0, others = 0;
    for (int k = 0; k < 2; k++) {
        int st;
        wait(&st);
        deadlocks += WEXITSTATUS(st) == 1;
        others += WEXITSTATUS(st) == 2;
    }
    printf("EDEADLK: %d, other errors: %d\n", deadlocks, others);
    unlink("ab_ba.dat");
    return deadlocks == 1 && others == 0 ? 0 : 1;
}
