/* The built-in printf utility (escapes, conversions, the format reused),
   grep -q and -x (status only, whole lines), ls -d, and killpg. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

static int run(char *const argv[], const char *input) {
    int in[2];
    pipe(in);
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        dup2(in[0], 0);
        close(in[0]);
        close(in[1]);
        execvp(argv[0], argv);
        _exit(127);
    }
    close(in[0]);
    if (input)
        write(in[1], input, strlen(input));
    close(in[1]);
    int st;
    waitpid(p, &st, 0);
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

int main(void) {
    char *p1[] = {"printf", "%s=%d [%5.2f] %x %c%%\\n", "a", "10", "3.14159", "255", "zed", "b", "-3", "2", "16", "q", NULL};
    printf("status %d\n", run(p1, NULL));
    char *p2[] = {"printf", "tab\\there \\101\\x42 %b|\\n", "x\\ty", NULL};
    printf("status %d\n", run(p2, NULL));
    char *p3[] = {"printf", "%d\\n", "12abc", NULL};
    printf("status %d\n", run(p3, NULL));
    const char *lines = "alpha\nbeta\ngamma\n";
    char *g1[] = {"grep", "-q", "eta", NULL};
    char *g2[] = {"grep", "-q", "zeta", NULL};
    char *g3[] = {"grep", "-x", "beta", NULL};
    char *g4[] = {"grep", "-xc", "bet", NULL};
    printf("grep -q eta: %d\n", run(g1, lines));
    printf("grep -q zeta: %d\n", run(g2, lines));
    printf("grep -x beta: %d\n", run(g3, lines));
    printf("grep -xc bet: %d\n", run(g4, lines));
    mkdir("adir", 0755);
    char *l1[] = {"ls", "-d", "adir", NULL};
    char *l2[] = {"ls", "-d", NULL};
    printf("ls -d adir: %d\n", run(l1, NULL));
    printf("ls -d: %d\n", run(l2, NULL));
    rmdir("adir");
    setpgid(0, 0);
    signal(SIGUSR1, SIG_IGN);
    printf("killpg own group: %d\n", killpg(getpgrp(), SIGUSR1));
    printf("killpg -1: %d\n", killpg(-1, SIGUSR1));
    return 0;
}
