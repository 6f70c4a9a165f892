/* data still in a fifo when its last reader and writer close is discarded: a new reader/writer pair sees only new data (Linux frees the pipe buffer on last close) */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t256_fifo"

int main(void) {
    unlink(FIFO);
    mkfifo(FIFO, 0600);
    char buf[32];

    /* a non-blocking reader first, so the writer open succeeds */
    int r = open(FIFO, O_RDONLY | O_NONBLOCK);
    int w = open(FIFO, O_WRONLY);
    printf("opened %d %d\n", r >= 0, w >= 0);
    printf("write lost %zd\n", write(w, "lost", 4));
    close(w);
    close(r);

    /* a fresh pair: nothing is left over */
    r = open(FIFO, O_RDONLY | O_NONBLOCK);
    w = open(FIFO, O_WRONLY);
    errno = 0;
    ssize_t n = read(r, buf, sizeof buf);
    printf("fresh read %zd eagain=%d\n", n, errno == EAGAIN);
    printf("write new %zd\n", write(w, "new", 3));
    memset(buf, 0, sizeof buf);
    n = read(r, buf, sizeof buf);
    printf("read %zd [%s]\n", n, buf);

    /* but data survives as long as one end stays open: the writer closes,
       the reader keeps reading what was written */
    write(w, "kept", 4);
    close(w);
    memset(buf, 0, sizeof buf);
    n = read(r, buf, sizeof buf);
    printf("after writer close %zd [%s]\n", n, buf);
    printf("then %zd\n", read(r, buf, sizeof buf));

    /* the reader closes with data inside while a writer stays open: a new
       reader still sees it (the pipe lives on while any end is open) */
    w = open(FIFO, O_WRONLY);
    write(w, "still", 5);
    close(r);
    r = open(FIFO, O_RDONLY | O_NONBLOCK);
    memset(buf, 0, sizeof buf);
    n = read(r, buf, sizeof buf);
    printf("reader reopened %zd [%s]\n", n, buf);
    close(w);
    close(r);
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
