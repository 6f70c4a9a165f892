/* parent and child exchange doubles through two pipes (write(&d, sizeof d)): the child returns each value's square root and the running sum, the parent prints them after each reply */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

struct reply { double root; double sum; int index; };

int main(void) {
    int down[2], up[2];
    if (pipe(down) < 0 || pipe(up) < 0) { perror("pipe"); return 1; }
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 1; }
    if (pid == 0) {
        close(down[1]); close(up[0]);
        double d, sum = 0;
        int i = 0;
        while (read(down[0], &d, sizeof d) == sizeof d) {
            struct reply r;
            sum += d;
            r.root = sqrt(d);
            r.sum = sum;
            r.index = i++;
            write(up[1], &r, sizeof r);
        }
        close(down[0]);
        double mean = i ? sum / i : 0;
        write(up[1], &mean, sizeof mean);
        close(up[1]);
        _exit(i);
    }
    close(down[0]); close(up[1]);
    double vals[] = { 2.0, 0.25, 1e10, -4.0, 0.0, 1e-300, 123.456 };
    int n = sizeof vals / sizeof vals[0];
    for (int i = 0; i < n; i++) {
        write(down[1], &vals[i], sizeof vals[i]);
        struct reply r;
        if (read(up[0], &r, sizeof r) != sizeof r) { printf("short read\n"); return 1; }
        printf("sent %-10g reply #%d root %.17g sum %.17g\n", vals[i], r.index, r.root, r.sum);
    }
    close(down[1]);
    double mean;
    ssize_t got = read(up[0], &mean, sizeof mean);
    printf("mean from child (%zd bytes): %.17g\n", got, mean);
    int st;
    wait(&st);
    printf("child exit %d, sizeof(struct reply) %zu\n", WEXITSTATUS(st), sizeof(struct reply));
    /* a float and a double in one write, read back in two pieces */
    int p[2];
    pipe(p);
    unsigned char buf[12];
    float f = 1.0f / 3;
    double g = -1.0 / 3;
    memcpy(buf, &f, 4);
    memcpy(buf + 4, &g, 8);
    write(p[1], buf, sizeof buf);
    float f2; double g2;
    read(p[0], &f2, sizeof f2);
    read(p[0], &g2, sizeof g2);
    printf("float %.9g double %.17g same %d %d\n", f2, g2, f2 == f, g2 == g);
    return 0;
}
