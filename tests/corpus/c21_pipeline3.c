/* A pipeline of three processes joined by pipes, like "gen | square |
   sum": the generator writes numbers as text lines, the filter squares
   the odd ones, the last stage adds them up and reports to the parent
   through a third pipe. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

static void generator(int out)
{
    FILE *f = fdopen(out, "w");
    for (int i = 1; i <= 20; i++) fprintf(f, "%d\n", i);
    fclose(f);
    _exit(0);
}

static void filter(int in, int out)
{
    FILE *fi = fdopen(in, "r"), *fo = fdopen(out, "w");
    char line[32];
    int passed = 0;
    while (fgets(line, sizeof line, fi)) {
        int v = atoi(line);
        if (v % 2) { fprintf(fo, "%d\n", v * v); passed++; }
    }
    fclose(fi); fclose(fo);
    _exit(passed);
}

static void summer(int in, int report)
{
    FILE *fi = fdopen(in, "r");
    int v, sum = 0, count = 0;
    while (fscanf(fi, "%d", &v) == 1) { sum += v; count++; }
    int msg[2] = {count, sum};
    write(report, msg, sizeof msg);
    _exit(0);
}

int main(void)
{
    int p1[2], p2[2], p3[2];
    if (pipe(p1) || pipe(p2) || pipe(p3)) { perror("pipe"); return 1; }
    pid_t a = fork();
    if (a == 0) { close(p1[0]); close(p2[0]); close(p2[1]); close(p3[0]); close(p3[1]); generator(p1[1]); }
    pid_t b = fork();
    if (b == 0) { close(p1[1]); close(p2[0]); close(p3[0]); close(p3[1]); filter(p1[0], p2[1]); }
    pid_t c = fork();
    if (c == 0) { close(p1[0]); close(p1[1]); close(p2[1]); close(p3[0]); summer(p2[0], p3[1]); }
    close(p1[0]); close(p1[1]); close(p2[0]); close(p2[1]); close(p3[1]);
    int msg[2];
    if (read(p3[0], msg, sizeof msg) != sizeof msg) { fprintf(stderr, "no report\n"); return 1; }
    int st;
    waitpid(a, &st, 0); printf("generator exit %d\n", WEXITSTATUS(st));
    waitpid(b, &st, 0); printf("filter passed %d numbers\n", WEXITSTATUS(st));
    waitpid(c, &st, 0); printf("summer exit %d\n", WEXITSTATUS(st));
    printf("sum of %d odd squares = %d\n", msg[0], msg[1]);
    return 0;
}
