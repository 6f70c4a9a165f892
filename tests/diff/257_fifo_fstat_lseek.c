/* fstat on fifo descriptors gives S_ISFIFO (st_size 0 even with data queued), lseek on them fails with ESPIPE, fcntl shows the access mode, and a fifo and an unnamed pipe look alike */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t257_fifo"

/* run CALL, then print its result and whether it failed with errno E */
#define TRY(label, call, E) do { \
        errno = 0; \
        long r_ = (long)(call); \
        int e_ = errno; \
        printf("%s %ld %s=%d\n", label, r_, #E, r_ == -1 && e_ == E); \
    } while (0)

int main(void) {
    unlink(FIFO);
    mkfifo(FIFO, 0600);
    int r = open(FIFO, O_RDONLY | O_NONBLOCK);
    int w = open(FIFO, O_WRONLY);
    struct stat st;
    int rc = fstat(r, &st);
    printf("fstat r %d isfifo %d\n", rc, S_ISFIFO(st.st_mode) != 0);
    rc = fstat(w, &st);
    printf("fstat w %d isfifo %d\n", rc, S_ISFIFO(st.st_mode) != 0);
    write(w, "12345", 5);
    fstat(r, &st);
    printf("size with data queued %ld\n", (long)st.st_size);

    struct stat byname;
    stat(FIFO, &byname);
    printf("same inode %d\n", byname.st_ino == st.st_ino && byname.st_dev == st.st_dev);

    TRY("lseek r", lseek(r, 0, SEEK_SET), ESPIPE);
    TRY("lseek w", lseek(w, 0, SEEK_CUR), ESPIPE);
    TRY("lseek end", lseek(r, 0, SEEK_END), ESPIPE);

    int fl = fcntl(r, F_GETFL);
    printf("r accmode rdonly %d nonblock %d\n", (fl & O_ACCMODE) == O_RDONLY, (fl & O_NONBLOCK) != 0);
    fl = fcntl(w, F_GETFL);
    printf("w accmode wronly %d nonblock %d\n", (fl & O_ACCMODE) == O_WRONLY, (fl & O_NONBLOCK) != 0);

    /* reading through the wrong end */
    char c;
    TRY("write on read end", write(r, "x", 1), EBADF);
    TRY("read on write end", read(w, &c, 1), EBADF);

    int p[2];
    pipe(p);
    printf("pipe isfifo %d\n", fstat(p[0], &st) == 0 && S_ISFIFO(st.st_mode));
    TRY("pipe lseek", lseek(p[1], 0, SEEK_SET), ESPIPE);

    char buf[8] = {0};
    printf("read %zd [%s]\n", read(r, buf, sizeof buf - 1), buf);
    close(r);
    close(w);
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
