#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    printf("before\n");
    fflush(stdout);
    int saved = dup(1);
    if (freopen("out.txt", "w", stdout) == NULL) { perror("freopen"); return 1; }
    printf("into the file %d\n", 1);
    if (fork() == 0) { printf("child into the file\n"); fflush(stdout); _exit(0); }
    wait(NULL);
    printf("parent again\n");
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    FILE *f = fopen("out.txt", "r");
    char line[64];
    while (fgets(line, sizeof line, f)) fprintf(stderr, "file: %s", line);
    fclose(f);
    FILE *g = fopen("log.txt", "w");
    fputs("first\n", g);
    g = freopen("log.txt", "a", g);
    fputs("appended\n", g);
    fclose(g);
    g = fopen("log.txt", "r");
    while (fgets(line, sizeof line, g)) fprintf(stderr, "log: %s", line);
    fclose(g);
    errno = 0;
    FILE *h = fopen("log.txt", "r");
    FILE *bad = freopen("/nonexistent/dir/x", "r", h);
    fprintf(stderr, "bad: %s %s\n", bad == NULL ? "NULL" : "?", strerror(errno));
    remove("out.txt"); remove("log.txt");
    return 0;
}
