/* The number of workers and the data size come from argv-like strings;
   a VLA holds the data and a VLA of pipes carries each worker's partial
   maximum and sum back to the parent. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

struct partial { int max; int sum; };

int main(void)
{
    const char *args[] = {"workers=3", "size=20"};
    int w, size;
    sscanf(args[0], "workers=%d", &w);
    sscanf(args[1], "size=%d", &size);
    int data[size];
    int fds[w][2];
    for (int i = 0; i < size; i++) data[i] = (i * 37 + 11) % 53;

    for (int k = 0; k < w; k++) {
        if (pipe(fds[k]) < 0) { perror("pipe"); return 1; }
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) {
            close(fds[k][0]);
            int lo = k * size / w, hi = (k + 1) * size / w;
            struct partial p = {-1, 0};
            for (int i = lo; i < hi; i++) {
                p.sum += data[i];
                if (data[i] > p.max) p.max = data[i];
            }
            write(fds[k][1], &p, sizeof p);
            close(fds[k][1]);
            _exit(hi - lo);
        }
        close(fds[k][1]);
    }
    int total = 0, gmax = -1, counted = 0;
    for (int k = 0; k < w; k++) {
        struct partial p;
        if (read(fds[k][0], &p, sizeof p) != sizeof p) { fprintf(stderr, "short read\n"); return 1; }
        close(fds[k][0]);
        printf("worker %d: sum %d max %d\n", k, p.sum, p.max);
        total += p.sum;
        if (p.max > gmax) gmax = p.max;
    }
    int status;
    while (wait(&status) > 0) counted += WEXITSTATUS(status);
    int check = 0;
    for (int i = 0; i < size; i++) check += data[i];
    printf("total %d (check %d), max %d, elements %d\n", total, check, gmax, counted);
    return 0;
}
