/* two writer processes, one reader: each writes 3 records (< PIPE_BUF, so each write is atomic); the reader, holding a write end of its own until both writers are done (so an early EOF cannot happen: see scenarios/fifo_early_eof.c), sees all 6 intact (printed sorted) and EOF only after every writer closed */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_t253_fifo"
#define REC 24 /* fixed-size records, far below PIPE_BUF */

static int cmp(const void *a, const void *b) { return strcmp((const char *)a, (const char *)b); }

int main(void) {
    unlink(FIFO);
    mkfifo(FIFO, 0600);
    printf("record %d < PIPE_BUF %d\n", REC, REC < PIPE_BUF);
    fflush(stdout);
    /* The reader's end first (O_NONBLOCK: no wait), then a write end of
       its own, so the writers' opens never wait and the pipe cannot
       report end of file before both have written. */
    int r = open(FIFO, O_RDONLY | O_NONBLOCK);
    int keep = open(FIFO, O_WRONLY);
    fcntl(r, F_SETFL, 0);
    pid_t kids[2];
    for (int k = 0; k < 2; k++) {
        kids[k] = fork();
        if (kids[k] == 0) {
            int w = open(FIFO, O_WRONLY);
            if (w < 0) _exit(2);
            for (int i = 0; i < 3; i++) {
                char rec[REC];
                memset(rec, 0, sizeof rec);
                snprintf(rec, sizeof rec, "writer %d msg %d", k, i);
                if (write(w, rec, REC) != REC) _exit(3);
                usleep(1000);
            }
            close(w);
            _exit(0);
        }
    }
    int st[2];
    for (int k = 0; k < 2; k++)
        waitpid(kids[k], &st[k], 0);
    close(keep);
    char data[REC * 10];
    size_t total = 0;
    ssize_t n;
    while (total < sizeof data && (n = read(r, data + total, sizeof data - total)) > 0) total += n;
    close(r);
    for (int k = 0; k < 2; k++)
        printf("writer %d exit %d\n", k, WIFEXITED(st[k]) ? WEXITSTATUS(st[k]) : -1);
    printf("total bytes %zu records %zu\n", total, total / REC);
    size_t nrec = total / REC;
    qsort(data, nrec, REC, cmp);
    for (size_t i = 0; i < nrec; i++) printf("%s\n", data + i * REC);
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
