/* flock(2) as Linux does it (measured on 6.18): a lock belongs to the
   open file description, so a dup and a fork share it, while a second
   open of the same file in the same process conflicts with it; LOCK_NB
   fails with EWOULDBLOCK; a conversion drops the old lock first (a
   refused LOCK_EX|LOCK_NB has lost the LOCK_SH); the lock goes with the
   description's last close; any open file can be locked, whatever its
   mode; LOCK_MAND is ignored; flock and fcntl locks never meet. Then
   forked children take turns under LOCK_EX to add one to a counter kept
   in the file: none is lost. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define F "flock286.dat"
#define KIDS 4
#define ROUNDS 3

static void show(const char *what, int r) {
    printf("%-44s = %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
    fflush(stdout);
}

static int counter(int fd) {
    char b[16] = {0};
    pread(fd, b, sizeof b - 1, 0);
    return atoi(b);
}

int main(void) {
    int a = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(a, "0", 1);
    int b = open(F, O_RDWR);
    show("a: LOCK_EX", flock(a, LOCK_EX));
    show("b (second open): LOCK_EX|LOCK_NB", flock(b, LOCK_EX | LOCK_NB));
    show("b: LOCK_SH|LOCK_NB", flock(b, LOCK_SH | LOCK_NB));
    printf("EWOULDBLOCK is EAGAIN: %d\n", EWOULDBLOCK == EAGAIN);
    int d = dup(a);
    show("dup of a: LOCK_EX|LOCK_NB", flock(d, LOCK_EX | LOCK_NB));
    show("dup of a: LOCK_SH (converts a's lock)", flock(d, LOCK_SH));
    show("b: LOCK_SH|LOCK_NB", flock(b, LOCK_SH | LOCK_NB));
    show("a: LOCK_EX|LOCK_NB (b shares)", flock(a, LOCK_EX | LOCK_NB));
    show("b: LOCK_EX|LOCK_NB (a lost its LOCK_SH)", flock(b, LOCK_EX | LOCK_NB));
    show("b: LOCK_UN", flock(b, LOCK_UN));
    show("b: LOCK_UN again", flock(b, LOCK_UN));
    show("a: LOCK_UN|LOCK_NB", flock(a, LOCK_UN | LOCK_NB));
    int ops[] = {0, 3, LOCK_NB, 16, LOCK_EX | 16, LOCK_SH | LOCK_UN, LOCK_EX | LOCK_UN, -1};
    for (int k = 0; k < 8; k++) {
        char what[32];
        snprintf(what, sizeof what, "a: op %d", ops[k]);
        show(what, flock(a, ops[k]));
    }
    show("a: LOCK_EX|32 (LOCK_MAND: ignored)", flock(a, LOCK_EX | 32));
    show("b: LOCK_EX|LOCK_NB (nothing was taken)", flock(b, LOCK_EX | LOCK_NB));
    show("bad descriptor: LOCK_EX", flock(99, LOCK_EX));
    show("bad descriptor, bad op", flock(99, 0));
    show("-1: LOCK_UN", flock(-1, LOCK_UN));
    flock(b, LOCK_UN);

    int ro = open(F, O_RDONLY), wo = open(F, O_WRONLY);
    show("read-only open: LOCK_EX|LOCK_NB", flock(ro, LOCK_EX | LOCK_NB));
    show("write-only open: LOCK_SH|LOCK_NB", flock(wo, LOCK_SH | LOCK_NB));
    close(ro);
    show("write-only open, once ro closed", flock(wo, LOCK_SH | LOCK_NB));
    close(wo);
    int p[2];
    pipe(p);
    show("pipe read end: LOCK_EX|LOCK_NB", flock(p[0], LOCK_EX | LOCK_NB));
    show("pipe write end: LOCK_EX|LOCK_NB", flock(p[1], LOCK_EX | LOCK_NB));
    int null = open("/dev/null", O_RDWR);
    show("/dev/null: LOCK_EX|LOCK_NB", flock(null, LOCK_EX | LOCK_NB));
    int dir = open(".", O_RDONLY);
    show("the directory: LOCK_SH|LOCK_NB", flock(dir, LOCK_SH | LOCK_NB));

    /* The last close releases; a close with a dup still open does not. */
    show("a: LOCK_EX", flock(a, LOCK_EX));
    close(a);
    show("b: LOCK_EX|LOCK_NB (the dup still open)", flock(b, LOCK_EX | LOCK_NB));
    close(d);
    show("b: LOCK_EX|LOCK_NB (all closed)", flock(b, LOCK_EX | LOCK_NB));

    /* A fork shares the description, so its lock. */
    pid_t c = fork();
    if (c == 0) {
        show("child, inherited b: LOCK_EX|LOCK_NB", flock(b, LOCK_EX | LOCK_NB));
        int o = open(F, O_RDWR);
        show("child, own open: LOCK_SH|LOCK_NB", flock(o, LOCK_SH | LOCK_NB));
        struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
        show("child, own open: fcntl F_WRLCK", fcntl(o, F_SETLK, &fl));
        show("child, inherited b: LOCK_UN", flock(b, LOCK_UN));
        exit(0);
    }
    waitpid(c, NULL, 0);
    int o = open(F, O_RDWR);
    show("parent, new open, after the child's LOCK_UN", flock(o, LOCK_EX | LOCK_NB));
    close(o);
    close(b);

    /* Children take turns: each LOCK_EX reads, adds one, writes. */
    for (int k = 0; k < KIDS; k++) {
        if (fork() == 0) {
            int fd = open(F, O_RDWR);
            for (int r = 0; r < ROUNDS; r++) {
                if (flock(fd, LOCK_EX) != 0)
                    exit(1);
                char out[16];
                int n = snprintf(out, sizeof out, "%d", counter(fd) + 1);
                pwrite(fd, out, n, 0);
                flock(fd, LOCK_UN);
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
    int fd = open(F, O_RDONLY);
    printf("%d children exited 0; counter = %d (expected %d)\n", ok, counter(fd), KIDS * ROUNDS);
    unlink(F);
    return 0;
}
