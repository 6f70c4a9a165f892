/* A pipeline of three processes: a number travels parent -> A -> B -> C -> parent over four pipes, each stage adding to it; only the parent prints. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void stage(int in, int out, int add, int mul) {
    int v;
    while (read(in, &v, sizeof v) == (ssize_t)sizeof v) {
        v = v * mul + add;
        write(out, &v, sizeof v);
    }
    close(in);
    close(out);
    exit(add);
}

int main(void) {
    int p[4][2];
    for (int i = 0; i < 4; i++)
        pipe(p[i]);
    int adds[3] = {1, 10, 100};
    int muls[3] = {2, 3, 1};
    pid_t pids[3];
    for (int s = 0; s < 3; s++) {
        pids[s] = fork();
        if (pids[s] == 0) {
            for (int i = 0; i < 4; i++) {
                if (i != s)
                    close(p[i][0]);
                if (i != s + 1)
                    close(p[i][1]);
            }
            stage(p[s][0], p[s + 1][1], adds[s], muls[s]);
        }
    }
    for (int i = 0; i < 4; i++) {
        if (i != 3)
            close(p[i][0]);
        if (i != 0)
            close(p[i][1]);
    }
    for (int v = 0; v < 5; v++) {
        int r;
        write(p[0][1], &v, sizeof v);
        read(p[3][0], &r, sizeof r);
        printf("%d -> %d\n", v, r);
    }
    close(p[0][1]);
    int r;
    printf("after close: read -> %zd\n", read(p[3][0], &r, sizeof r));
    for (int s = 0; s < 3; s++) {
        int st;
        waitpid(pids[s], &st, 0);
        printf("stage %d exited %d\n", s, WEXITSTATUS(st));
    }
    return 0;
}
