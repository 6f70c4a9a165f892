/* Four forks in a row make sixteen processes; each writes one byte (how many times it was the child) into a shared pipe and closes it; the original reads until EOF, which comes only once all sixteen have closed, and prints the histogram. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    int childness = 0, original = 1, direct = 0;
    for (int i = 0; i < 4; i++) {
        pid_t p = fork();
        if (p == 0) {
            childness++;
            original = 0;
            direct = 0;
        } else {
            direct++;
        }
    }
    char b = (char)('0' + childness);
    write(fd[1], &b, 1);
    close(fd[1]);
    if (!original) {
        close(fd[0]);
        _exit(0);
    }
    int hist[5] = {0};
    int total = 0;
    char buf[8];
    ssize_t n;
    while ((n = read(fd[0], buf, sizeof buf)) > 0)
        for (ssize_t k = 0; k < n; k++) {
            hist[buf[k] - '0']++;
            total++;
        }
    int reaped = 0;
    while (wait(NULL) > 0)
        reaped++;
    printf("%d processes wrote; histogram:", total);
    for (int i = 0; i < 5; i++)
        printf(" %d", hist[i]);
    printf("\nthe original reaped %d direct children (forked %d)\n", reaped, direct);
    return 0;
}
