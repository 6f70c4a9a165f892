/* Waiting for locks (measured on Linux 6.18): two processes that each
   hold a byte and then wait with F_SETLKW for the other's: exactly one
   of them, the one that would close the cycle, gets EDEADLK (the other
   waits and gets the lock once the loser lets go); the same across two
   files; F_SETLK in that place is EAGAIN. A signal whose handler has no
   SA_RESTART ends a waiting F_SETLKW or flock with EINTR; with
   SA_RESTART the call waits on and gets the lock. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define F "deadlock289.dat"
#define G "deadlock289b.dat"

static int lk(int fd, int cmd, short type, off_t start, off_t len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, cmd, &fl);
}

/* One side of AB/BA: lock `mine` of file `first`, meet the other side,
   then wait for `theirs` of file `second`. Exits 1 with EDEADLK (after
   letting its lock go), 0 with the lock, 2 otherwise. */
static void side(const char *first, const char *second, off_t mine, off_t theirs, int tell, int hear) {
    int a = open(first, O_RDWR), b = open(second, O_RDWR);
    char ch;
    if (lk(a, F_SETLK, F_WRLCK, mine, 1) != 0)
        exit(2);
    write(tell, "x", 1);
    read(hear, &ch, 1);
    if (lk(b, F_SETLKW, F_WRLCK, theirs, 1) == 0) {
        lk(b, F_SETLK, F_UNLCK, 0, 0);
        exit(0);
    }
    int e = errno;
    int nb = lk(b, F_SETLK, F_WRLCK, theirs, 1) == -1 && errno == EAGAIN;
    lk(a, F_SETLK, F_UNLCK, 0, 0);
    exit(e == EDEADLK && nb ? 1 : 2);
}

static void cycle(const char *what, const char *first, const char *second) {
    int ab[2], ba[2];
    pipe(ab);
    pipe(ba);
    if (fork() == 0)
        side(first, second, 0, 1, ab[1], ba[0]);
    if (fork() == 0)
        side(second, first, 1, 0, ba[1], ab[0]);
    int got[3] = {0, 0, 0};
    for (int k = 0; k < 2; k++) {
        int st;
        wait(&st);
        if (WIFEXITED(st) && WEXITSTATUS(st) <= 2)
            got[WEXITSTATUS(st)]++;
    }
    printf("%s: %d got the lock, %d got EDEADLK (then EAGAIN from F_SETLK), %d other\n", what, got[0], got[1], got[2]);
    fflush(stdout);
    close(ab[0]);
    close(ab[1]);
    close(ba[0]);
    close(ba[1]);
}

static int caught, ran = -1;
static void on_alarm(int s) {
    (void)s;
    caught++;
    write(ran, "h", 1);
}

/* A child waits in F_SETLKW (or flock) for the parent's lock; SIGALRM
   comes a second later. With SA_RESTART the parent, told by the pipe
   the handler writes to, lets go. */
static void interrupted(int use_flock, int restart) {
    int held = open(F, O_RDWR);
    if (use_flock)
        flock(held, LOCK_EX);
    else
        lk(held, F_SETLK, F_WRLCK, 0, 0);
    int rang[2];
    pipe(rang);
    ran = rang[1];
    if (fork() == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_alarm;
        sa.sa_flags = restart ? SA_RESTART : 0;
        sigaction(SIGALRM, &sa, NULL);
        int o = open(F, O_RDWR);
        alarm(1);
        int r = use_flock ? flock(o, LOCK_EX) : lk(o, F_SETLKW, F_WRLCK, 0, 0);
        int e = errno;
        printf("%s, %s: %d%s%s (handler ran %d)\n", use_flock ? "flock" : "F_SETLKW", restart ? "SA_RESTART" : "no SA_RESTART", r,
               r < 0 ? " " : "", r < 0 ? strerror(e) : "", caught);
        exit(0);
    }
    /* Once the handler has run, the restarted call waits on until the
       lock goes. */
    char ch;
    read(rang[0], &ch, 1);
    if (use_flock)
        flock(held, LOCK_UN);
    else
        lk(held, F_SETLK, F_UNLCK, 0, 0);
    wait(NULL);
    close(held);
    close(rang[0]);
    close(rang[1]);
}

int main(void) {
    close(open(F, O_RDWR | O_CREAT | O_TRUNC, 0644));
    close(open(G, O_RDWR | O_CREAT | O_TRUNC, 0644));
    cycle("one file, bytes 0 and 1", F, F);
    cycle("two files", F, G);
    for (int use_flock = 0; use_flock < 2; use_flock++) {
        interrupted(use_flock, 0);
        interrupted(use_flock, 1);
    }
    unlink(F);
    unlink(G);
    return 0;
}
