/* A FILE opened for writing has unflushed data when the process forks:
   both copies of the buffer reach the file at exit, so the line appears
   twice. Then the same with fflush before fork. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    FILE *f = fopen("dup_x01.txt", "w");
    fprintf(f, "written before fork\n");
    pid_t pid = fork();
    if (pid == 0) { fprintf(f, "child\n"); exit(0); }
    waitpid(pid, NULL, 0);
    fprintf(f, "parent\n");
    fclose(f);
    f = fopen("dup_x01.txt", "r");
    char line[64];
    while (fgets(line, sizeof line, f)) printf("| %s", line);
    fclose(f);
    remove("dup_x01.txt");
    return 0;
}
