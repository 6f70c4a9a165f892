/* dash runs even a single command in a child: pclose of a popen("yes") read once returns exit status 141 (SIGPIPE in the command, 128+13 from the shell); "yes | head -2" ends as the reader stops; popen's mode letters in any order ("er"); math routines set errno (EDOM, ERANGE) */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

int main(void) {
    FILE *f = popen("yes", "r");
    char line[16];
    if (fgets(line, sizeof line, f))
        printf("first: %s", line);
    int st = pclose(f);
    printf("pclose: exited %d code %d\n", WIFEXITED(st), WIFEXITED(st) ? WEXITSTATUS(st) : -1);
    fflush(stdout);
    st = system("yes | head -2");
    printf("yes | head -2: %d\n", WEXITSTATUS(st));
    f = popen("echo ok", "er");
    printf("mode er: %s\n", f ? "opened" : "refused");
    if (f && fgets(line, sizeof line, f))
        printf("got %s", line);
    if (f)
        pclose(f);
    f = popen("echo no", "rw");
    int e = errno;
    printf("mode rw: %s %s\n", f ? "opened" : "refused", e == EINVAL ? "EINVAL" : "?");
    volatile double m1 = -1.0, zero = 0.0, big = 1000.0;
    errno = 0;
    double r = sqrt(m1);
    e = errno;
    printf("sqrt(-1) %d EDOM %d\n", isnan(r) != 0, e == EDOM);
    errno = 0;
    r = log(zero);
    e = errno;
    printf("log(0) %f ERANGE %d\n", r, e == ERANGE);
    errno = 0;
    r = exp(big);
    e = errno;
    printf("exp(1000) %f ERANGE %d\n", r, e == ERANGE);
    return 0;
}
