/* The parent fgets one line (the stream buffers the whole small file, so
   the shared offset is at the end), forks; the child's read() on the
   descriptor sees EOF, and its fgets continues from its copy of the
   buffer. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    FILE *f = fopen("in_x03.txt", "w");
    fprintf(f, "alpha\nbeta\ngamma\n");
    fclose(f);
    f = fopen("in_x03.txt", "r");
    char line[32];
    fgets(line, sizeof line, f);
    printf("parent: %s", line);
    printf("offset of fd: %ld, ftell: %ld\n", (long)lseek(fileno(f), 0, SEEK_CUR), ftell(f));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char c;
        printf("child read(): %d\n", (int)read(fileno(f), &c, 1));
        fgets(line, sizeof line, f);
        printf("child fgets: %s", line);
        _exit(0 * fflush(stdout));
    }
    waitpid(pid, NULL, 0);
    fgets(line, sizeof line, f);
    printf("parent again: %s", line);
    fclose(f);
    remove("in_x03.txt");
    return 0;
}
