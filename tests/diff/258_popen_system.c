/* popen ("r" and "w") and system through /bin/sh: pipelines of built-in utilities, quoting, ; && || lists, exit statuses (127 for a missing program, 2 for a redirection that cannot open), dash's echo with escapes, redirections to a file, system(NULL), rm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    FILE *f = popen("echo hello world | tr a-z A-Z", "r");
    char line[128];
    while (fgets(line, sizeof line, f))
        printf("got: %s", line);
    int st = pclose(f);
    printf("pclose: exited %d status %d\n", WIFEXITED(st), WEXITSTATUS(st));
    fflush(stdout);
    FILE *w = popen("sort", "w");
    fprintf(w, "pear\napple\nfig\n");
    st = pclose(w);
    printf("sort status %d\n", WEXITSTATUS(st));
    fflush(stdout);
    st = system("echo 'a  b' \"c\\\"d\"; false || echo or-ran; true && echo and-ran; exit 3");
    printf("system: %d\n", WEXITSTATUS(st));
    st = system("nosuchprogram arg");
    printf("missing: %d\n", WEXITSTATUS(st));
    st = system("cat < /nonexistent");
    printf("cat: %d\n", WEXITSTATUS(st));
    fflush(stdout);
    st = system("echo -n 'x\\ty'; echo; echo one two > out.txt; echo three >> out.txt; cat out.txt; wc -l < out.txt");
    printf("last %d null %d\n", WEXITSTATUS(st), system(NULL) != 0);
    fflush(stdout);
    st = system("grep -c o out.txt 2>&1; rm out.txt; rm out.txt; rm -f out.txt");
    printf("rm: %d access %d\n", WEXITSTATUS(st), access("out.txt", F_OK));
    f = popen("ls /nonexistent-dir 2>&1 | wc -l", "r");
    int n = -1;
    if (fscanf(f, "%d", &n) != 1)
        n = -2;
    printf("ls errors: %d lines, pclose %d\n", n, WEXITSTATUS(pclose(f)));
    printf("pclose of a stream popen did not open: %d\n", pclose(stdin));
    return 0;
}
