/* POSIX record locks with fcntl (measured on Linux 6.18): a lock belongs
   to the process, on a byte range (l_len 0: to the end and beyond; a
   negative l_len: the bytes before l_start); a process's own locks split,
   merge and convert and never conflict with it; F_GETLK reports the first
   conflicting lock (l_whence SEEK_SET, the holder's pid, l_len 0 for a
   lock to the end) or only sets l_type to F_UNLCK; F_SETLK's conflict is
   EAGAIN; F_RDLCK needs read access and F_WRLCK write access (EBADF);
   closing ANY descriptor of the file releases all the process's locks on
   it; a fork's child inherits none; an exit releases them. A holder's
   pid is shown as who it is (simulated pids start at 1000). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define F "records287.dat"

static pid_t parent, holder = -1;

static void show(const char *what, int r) {
    printf("%-40s = %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
    fflush(stdout);
}

static int lk(int fd, int cmd, short type, short whence, off_t start, off_t len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = whence;
    fl.l_start = start;
    fl.l_len = len;
    return fcntl(fd, cmd, &fl);
}

/* F_GETLK from this process: what it reports, the pid as who it is (a
   pid the call left alone shows as "-"). */
static void test(const char *who, int fd, short type, off_t start, off_t len) {
    struct flock fl;
    memset(&fl, 0, sizeof fl);
    fl.l_type = type;
    fl.l_whence = SEEK_SET;
    fl.l_start = start;
    fl.l_len = len;
    fl.l_pid = -12345;
    int r = fcntl(fd, F_GETLK, &fl);
    printf("%s GETLK(%d, %ld, %ld) = %d: type %d whence %d start %ld len %ld pid ", who, type, (long)start, (long)len, r, fl.l_type,
           fl.l_whence, (long)fl.l_start, (long)fl.l_len);
    if (fl.l_pid == -12345)
        printf("-\n");
    else if (fl.l_pid == parent)
        printf("parent\n");
    else if (fl.l_pid == holder)
        printf("holder\n");
    else
        printf("another\n");
    fflush(stdout);
}

/* The same question from a fresh child, with its own open. */
static void probe(short type, off_t start, off_t len) {
    if (fork() == 0) {
        int fd = open(F, O_RDWR);
        test("  child", fd, type, start, len);
        exit(0);
    }
    wait(NULL);
}

static void probe_set(short type, off_t start, off_t len) {
    if (fork() == 0) {
        int fd = open(F, O_RDWR);
        char what[64];
        snprintf(what, sizeof what, "  child SETLK(%d, %ld, %ld)", type, (long)start, (long)len);
        show(what, lk(fd, F_SETLK, type, SEEK_SET, start, len));
        exit(0);
    }
    wait(NULL);
}

int main(void) {
    parent = getpid();
    int fd = open(F, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0123456789", 10);

    puts("-- split, convert, merge");
    show("WRLCK [0,10)", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 10));
    test("parent", fd, F_WRLCK, 0, 0);
    probe(F_RDLCK, 5, 1);
    probe(F_RDLCK, 10, 0);
    probe_set(F_RDLCK, 0, 1);
    show("UNLCK [3,5)", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 3, 2));
    probe(F_WRLCK, 0, 0);
    probe(F_WRLCK, 3, 0);
    probe(F_WRLCK, 3, 2);
    probe_set(F_WRLCK, 3, 2);
    show("RDLCK [0,10) (converts)", lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 10));
    probe(F_RDLCK, 0, 0);
    probe(F_WRLCK, 0, 0);
    show("WRLCK [4,6)", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 4, 2));
    probe(F_WRLCK, 0, 0);
    probe(F_RDLCK, 0, 0);
    show("RDLCK [4,6) (merges back)", lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 4, 2));
    probe(F_WRLCK, 0, 0);
    show("UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    probe(F_WRLCK, 0, 0);

    puts("-- ranges");
    show("WRLCK from 20, len 0", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 20, 0));
    probe(F_WRLCK, 1000000, 1);
    show("UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    show("WRLCK start 10 len -5", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 10, -5));
    probe(F_WRLCK, 0, 0);
    show("WRLCK start 3 len -5", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 3, -5));
    show("WRLCK start -1", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, -1, 2));
    show("UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    lseek(fd, 4, SEEK_SET);
    show("WRLCK SEEK_CUR(4)+1 len 2", lk(fd, F_SETLK, F_WRLCK, SEEK_CUR, 1, 2));
    show("WRLCK SEEK_END(10)-2 len 1", lk(fd, F_SETLK, F_WRLCK, SEEK_END, -2, 1));
    probe(F_WRLCK, 0, 0);
    probe(F_WRLCK, 7, 0);
    show("WRLCK SEEK_END-20", lk(fd, F_SETLK, F_WRLCK, SEEK_END, -20, 1));
    show("whence 3", lk(fd, F_SETLK, F_WRLCK, 3, 0, 1));
    show("type 3", lk(fd, F_SETLK, 3, SEEK_SET, 0, 1));
    show("WRLCK huge start, len 1", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0x7fffffffffffffffL, 1));
    show("WRLCK huge start, len 2", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0x7fffffffffffffffL, 2));
    show("WRLCK 100, huge len", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 100, 0x7fffffffffffffffL));
    probe(F_WRLCK, 50, 0);
    show("UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));

    puts("-- errors");
    test("parent", fd, F_UNLCK, 0, 0);
    test("parent", fd, 7, 0, 0);
    show("GETLK whence 9", lk(fd, F_GETLK, F_RDLCK, 9, 0, 0));
    show("GETLK start -1", lk(fd, F_GETLK, F_RDLCK, SEEK_SET, -1, 0));
    show("GETLK NULL", fcntl(fd, F_GETLK, NULL));
    show("SETLK NULL", fcntl(fd, F_SETLK, NULL));
    show("SETLK bad descriptor", lk(99, F_SETLK, F_WRLCK, SEEK_SET, 0, 0));
    show("SETLK bad descriptor, bad type", lk(99, F_SETLK, 9, SEEK_SET, 0, 0));
    int ro = open(F, O_RDONLY), wo = open(F, O_WRONLY);
    show("read-only: WRLCK", lk(ro, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
    show("read-only: RDLCK", lk(ro, F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
    show("read-only: UNLCK", lk(ro, F_SETLK, F_UNLCK, SEEK_SET, 0, 1));
    show("write-only: RDLCK", lk(wo, F_SETLK, F_RDLCK, SEEK_SET, 0, 1));
    show("write-only: WRLCK", lk(wo, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
    show("write-only: bad type", lk(wo, F_SETLK, 9, SEEK_SET, 0, 1));
    test("parent, read-only", ro, F_WRLCK, 0, 0);
    show("write-only: UNLCK", lk(wo, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    close(ro);
    close(wo);
    int p[2];
    pipe(p);
    show("pipe: WRLCK", lk(p[1], F_SETLK, F_WRLCK, SEEK_SET, 0, 0));
    show("pipe read end: RDLCK", lk(p[0], F_SETLK, F_RDLCK, SEEK_SET, 0, 0));

    puts("-- closing any descriptor of the file");
    show("WRLCK [0,5)", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 5));
    int other = open(F, O_RDONLY);
    probe(F_WRLCK, 0, 0);
    close(other);
    probe(F_WRLCK, 0, 0);
    show("WRLCK [0,5) again", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 5));
    close(dup(fd));
    probe(F_WRLCK, 0, 0);

    puts("-- fork, exit");
    show("WRLCK [0,5)", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 5));
    if (fork() == 0) {
        test("  child, inherited fd", fd, F_WRLCK, 0, 0);
        show("  child SETLK through the inherited fd", lk(fd, F_SETLK, F_WRLCK, SEEK_SET, 0, 1));
        show("  child UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
        close(fd);
        exit(0);
    }
    wait(NULL);
    probe(F_WRLCK, 0, 0);
    show("UNLCK all", lk(fd, F_SETLK, F_UNLCK, SEEK_SET, 0, 0));
    /* Two holders: the first in the list is the one whose first lock came
       first; an exit (or a kill) releases its locks. */
    int go[2];
    pipe(go);
    pid_t k = holder = fork();
    if (k == 0) {
        int o = open(F, O_RDWR);
        lk(o, F_SETLK, F_RDLCK, SEEK_SET, 2, 6);
        write(go[1], "x", 1);
        pause();
        exit(0);
    }
    char ch;
    read(go[0], &ch, 1);
    show("RDLCK [0,5)", lk(fd, F_SETLK, F_RDLCK, SEEK_SET, 0, 5));
    probe(F_WRLCK, 0, 0);
    probe(F_WRLCK, 5, 0);
    kill(k, SIGKILL);
    waitpid(k, NULL, 0);
    probe(F_WRLCK, 0, 0);
    probe(F_WRLCK, 5, 0);
    unlink(F);
    return 0;
}
