/* A binary process tree of depth 3: every process forks two children
   until the depth is reached; each returns in its exit status the number
   of processes in its subtree, so the root learns the size of the tree.
   Each node also reports its depth through a pipe to the root, which
   prints a histogram of depths. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

#define DEPTH 3

static int report;

static int node(int depth)
{
    unsigned char d = depth;
    write(report, &d, 1);
    if (depth == DEPTH) return 1;
    int count = 1;
    for (int k = 0; k < 2; k++) {
        pid_t pid = fork();
        if (pid == 0) exit(node(depth + 1));
        if (pid < 0) { perror("fork"); exit(0); }
    }
    int st;
    while (wait(&st) > 0)
        if (WIFEXITED(st)) count += WEXITSTATUS(st);
    return count;
}

int main(void)
{
    int fd[2];
    pipe(fd);
    report = fd[1];
    int total = node(0);
    close(fd[1]);
    int hist[DEPTH + 1] = {0}, n = 0;
    unsigned char d;
    while (read(fd[0], &d, 1) == 1) { hist[d]++; n++; }
    printf("tree of depth %d has %d processes (%d reports)\n", DEPTH, total, n);
    for (int i = 0; i <= DEPTH; i++) {
        printf("depth %d: %2d ", i, hist[i]);
        for (int k = 0; k < hist[i]; k++) putchar('*');
        putchar('\n');
    }
    return 0;
}
