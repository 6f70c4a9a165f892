/* fifo open rules: O_RDONLY|O_NONBLOCK with no writer succeeds and read gives 0 (EOF, not EAGAIN); O_WRONLY|O_NONBLOCK with no reader fails with ENXIO, and succeeds once a reader is open */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t251_fifo"

int main(void) {
    unlink(FIFO);
    mkfifo(FIFO, 0600);
    char buf[16];

    /* no reader: a non-blocking writer open fails at once with ENXIO */
    errno = 0;
    int w0 = open(FIFO, O_WRONLY | O_NONBLOCK);
    printf("wr nonblock, no reader: %d enxio=%d\n", w0, errno == ENXIO);

    /* a non-blocking reader open never waits */
    int r = open(FIFO, O_RDONLY | O_NONBLOCK);
    printf("rd nonblock, no writer: ok=%d\n", r >= 0);
    /* Linux: no writer has ever opened, and none is open: read returns 0 (EOF), not -1/EAGAIN */
    errno = 0;
    ssize_t n = read(r, buf, sizeof buf);
    printf("read, never a writer: %zd errno=%d\n", n, errno);

    /* with a reader open, a non-blocking writer open succeeds */
    int w = open(FIFO, O_WRONLY | O_NONBLOCK);
    printf("wr nonblock, reader open: ok=%d\n", w >= 0);

    /* writer open but nothing written: the non-blocking read fails with EAGAIN */
    errno = 0;
    n = read(r, buf, sizeof buf);
    printf("read, writer open, empty: %zd eagain=%d\n", n, errno == EAGAIN);

    printf("write %zd\n", write(w, "abc", 3));
    memset(buf, 0, sizeof buf);
    n = read(r, buf, sizeof buf);
    printf("read %zd [%s]\n", n, buf);

    /* the writer closes: reads give 0 again */
    close(w);
    errno = 0;
    n = read(r, buf, sizeof buf);
    printf("read after writer closed: %zd errno=%d\n", n, errno);

    /* O_RDWR on a fifo never blocks on Linux (it is both a reader and a writer) */
    int rw = open(FIFO, O_RDWR);
    printf("rdwr ok=%d\n", rw >= 0);
    close(rw);
    close(r);

    /* every end closed again: the non-blocking writer open fails again */
    errno = 0;
    w0 = open(FIFO, O_WRONLY | O_NONBLOCK);
    printf("wr nonblock after all closed: %d enxio=%d\n", w0, errno == ENXIO);

    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
