/* exec of built-in utilities: sort writing into a pipe read by wc -l (execlp, execvp), /bin/echo by path (execl), a program that does not exist (ENOENT: perror, then _exit), grep -c; stdout flushed before each fork */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <fcntl.h>
int main(void) {
    FILE *f = fopen("words.txt", "w");
    fprintf(f, "pear\napple\nfig\napple\nbanana\n");
    fclose(f);
    int p[2];
    pipe(p);
    printf("before exec\n");
    fflush(stdout);
    if (fork() == 0) {
        dup2(p[1], 1);
        close(p[0]); close(p[1]);
        execlp("sort", "sort", "words.txt", (char *)NULL);
        perror("execlp sort");
        _exit(127);
    }
    if (fork() == 0) {
        dup2(p[0], 0);
        close(p[0]); close(p[1]);
        char *argv[] = {"wc", "-l", NULL};
        execvp("wc", argv);
        perror("execvp wc");
        _exit(127);
    }
    close(p[0]); close(p[1]);
    int st;
    while (wait(&st) > 0) ;
    if (fork() == 0) {
        execl("/bin/echo", "echo", "hello", "from", "echo", (char *)NULL);
        _exit(127);
    }
    wait(&st);
    if (fork() == 0) {
        execlp("no-such-program", "x", (char *)NULL);
        perror("execlp");
        _exit(3);
    }
    wait(&st);
    printf("missing: exit %d\n", WEXITSTATUS(st));
    if (fork() == 0) {
        execlp("grep", "grep", "-c", "apple", "words.txt", (char *)NULL);
        _exit(127);
    }
    wait(&st);
    printf("grep status %d\n", WEXITSTATUS(st));
    unlink("words.txt");
    return 0;
}
