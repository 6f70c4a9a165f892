/* two writer processes, one reader: each writes 3 records (< PIPE_BUF, so each write is atomic); the reader sees all 6 intact (printed sorted) and EOF only after both writers closed */
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
    int r = open(FIFO, O_RDONLY);
    char data[REC * 10];
    size_t total = 0;
    ssize_t n;
    while (total < sizeof data && (n = read(r, data + total, sizeof data - total)) > 0) total += n;
    close(r);
    for (int k = 0; k < 2; k++) {
        int st;
        waitpid(kids[k], &st, 0);
        printf("writer %d exit %d\n", k, WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    }
    printf("total bytes %zu records %zu\n", total, total / REC);
    size_t nrec = total / REC;
    qsort(data, nrec, REC, cmp);
    for (size_t i = 0; i < nrec; i++) printf("%s\n", data + i * REC);
    printf("unlink %d\n", unlink(FIFO));
    return 0;
}
