/* mkfifo errors (EEXIST on a fifo or regular file, ENOENT for a missing directory), stat S_ISFIFO and mode bits, access F_OK, unlink then stat ENOENT */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t252_fifo"
#define REG "/tmp/ipcsim_t252_regular"

/* run CALL, then print its result and whether it failed with errno E */
#define TRY(label, call, E) do { \
        errno = 0; \
        long r_ = (long)(call); \
        int e_ = errno; \
        printf("%s %ld %s=%d\n", label, r_, #E, r_ == -1 && e_ == E); \
    } while (0)

int main(void) {
    unlink(FIFO);
    unlink(REG);
    umask(022);
    TRY("access before", access(FIFO, F_OK), ENOENT);
    printf("mkfifo %d\n", mkfifo(FIFO, 0666));
    TRY("mkfifo again", mkfifo(FIFO, 0600), EEXIST);

    int fd = open(REG, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    close(fd);
    TRY("mkfifo on regular", mkfifo(REG, 0600), EEXIST);

    TRY("mkfifo missing dir", mkfifo("/tmp/ipcsim_t252_no_such_dir/f", 0600), ENOENT);

    struct stat st;
    printf("stat %d\n", stat(FIFO, &st));
    printf("isfifo %d isreg %d isdir %d\n", S_ISFIFO(st.st_mode) != 0, S_ISREG(st.st_mode) != 0,
           S_ISDIR(st.st_mode) != 0);
    /* 0666 under umask 022 */
    printf("mode %o size %ld\n", (unsigned)(st.st_mode & 07777), (long)st.st_size);
    printf("lstat isfifo %d\n", lstat(FIFO, &st) == 0 && S_ISFIFO(st.st_mode));
    printf("regular isfifo %d\n", stat(REG, &st) == 0 && S_ISFIFO(st.st_mode));
    printf("access F_OK %d\n", access(FIFO, F_OK));

    printf("unlink %d\n", unlink(FIFO));
    TRY("stat after unlink", stat(FIFO, &st), ENOENT);
    TRY("access after unlink", access(FIFO, F_OK), ENOENT);
    TRY("unlink again", unlink(FIFO), ENOENT);
    /* the name is free again */
    printf("mkfifo after unlink %d\n", mkfifo(FIFO, 0600));
    printf("cleanup %d %d\n", unlink(FIFO), unlink(REG));
    return 0;
}
