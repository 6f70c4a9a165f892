/* The well-known puzzle: a parent reads a file with fgets and forks a
   child per line; each child calls exit(), which (glibc, POSIX 2008)
   flushes the input stream and moves the shared file offset back to the
   stream's logical position, so the parent's next buffer refill re-reads
   lines. The loop is capped. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    FILE *f = fopen("in_x02.txt", "w");
    fprintf(f, "one\ntwo\nthree\n");
    fclose(f);
    f = fopen("in_x02.txt", "r");
    char line[32];
    int n = 0;
    while (n < 8 && fgets(line, sizeof line, f)) {
        n++;
        printf("parent read %d: %s", n, line);
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) exit(0);
        waitpid(pid, NULL, 0);
    }
    printf("lines read: %d\n", n);
    fclose(f);
    remove("in_x02.txt");
    return 0;
}
