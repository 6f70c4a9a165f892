/* Two writers and one reader on a named pipe. The reader reads until
   end of file, which a pipe reports once no write end is open: if the
   first writer finishes and closes before the second has opened, the
   reader sees end of file early, closes, and the second writer then
   waits in open() for a reader for ever (or, opened already, dies of
   SIGPIPE). Natively this shows only under load; ipcsim's PCT search
   finds the hang as a deadlock naming the pipe.
   Not schedule-independent: natively it usually prints all six records. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define FIFO "/tmp/ipcsim_scenario_fifo"
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
