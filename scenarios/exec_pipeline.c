/* A shell's pipeline, `sort words.txt | head -n 3`: two children, each
   with one end of a pipe as its standard input or output (dup2), each
   exec'ing a utility; the parent closes both ends (or head would never
   see end of file) and waits for both. sort and head are ipcsim's
   built-in utilities (natively, coreutils').
   schedule-independent: always the three first words in order. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    FILE *f = fopen("words.txt", "w");
    fputs("pear\nfig\napple\ncherry\nbanana\n", f);
    fclose(f);
    int p[2];
    if (pipe(p) < 0) {
        perror("pipe");
        return 1;
    }
    pid_t sorter = fork();
    if (sorter == 0) {
        dup2(p[1], 1);
        close(p[0]);
        close(p[1]);
        execlp("sort", "sort", "words.txt", (char *)NULL);
        perror("sort");
        _exit(127);
    }
    pid_t header = fork();
    if (header == 0) {
        dup2(p[0], 0);
        close(p[0]);
        close(p[1]);
        execlp("head", "head", "-n", "3", (char *)NULL);
        perror("head");
        _exit(127);
    }
    close(p[0]);
    close(p[1]);
    int st1, st2;
    waitpid(sorter, &st1, 0);
    waitpid(header, &st2, 0);
    unlink("words.txt");
    fprintf(stderr, "sort: %d, head: %d\n", WEXITSTATUS(st1), WEXITSTATUS(st2));
    return 0;
}
