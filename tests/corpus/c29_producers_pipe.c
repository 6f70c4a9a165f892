/* Several producers share one pipe to a consumer: each writes fixed-size
   records (smaller than PIPE_BUF, so writes are atomic and never
   interleave); the consumer totals per producer. Output is independent
   of the order in which records arrive. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define NPROD 3
#define ITEMS 15

struct record { int producer; int seq; int value; };

int main(void)
{
    int fd[2];
    if (pipe(fd) < 0) { perror("pipe"); return 1; }
    for (int p = 0; p < NPROD; p++) {
        if (fork() == 0) {
            close(fd[0]);
            for (int i = 0; i < ITEMS; i++) {
                struct record r = {p, i, (p + 1) * (i + 1)};
                if (write(fd[1], &r, sizeof r) != sizeof r) _exit(1);
            }
            close(fd[1]);
            _exit(0);
        }
    }
    close(fd[1]);
    int count[NPROD] = {0}, sum[NPROD] = {0}, in_order[NPROD], last[NPROD];
    for (int p = 0; p < NPROD; p++) { in_order[p] = 1; last[p] = -1; }
    struct record r;
    ssize_t n;
    while ((n = read(fd[0], &r, sizeof r)) == sizeof r) {
        count[r.producer]++;
        sum[r.producer] += r.value;
        if (r.seq != last[r.producer] + 1) in_order[r.producer] = 0;
        last[r.producer] = r.seq;
    }
    printf("last read returned %d\n", (int)n);
    close(fd[0]);
    int st, ok = 0;
    while (wait(&st) > 0) ok += WEXITSTATUS(st) == 0;
    for (int p = 0; p < NPROD; p++)
        printf("producer %d: %d records, sum %d, in order: %s\n", p, count[p], sum[p], in_order[p] ? "yes" : "no");
    printf("%d producers exited cleanly\n", ok);
    return 0;
}
