/* ls | wc -l over a directory the program makes, and ls of a directory, a file and a missing path (files first, then the directory under a heading; status 2) */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
    mkdir("box", 0755);
    const char *names[] = {"box/one", "box/two", "box/three"};
    for (int i = 0; i < 3; i++) { FILE *f = fopen(names[i], "w"); fclose(f); }
    int p[2];
    pipe(p);
    if (fork() == 0) { dup2(p[1], 1); close(p[0]); close(p[1]); execlp("ls", "ls", "box", (char *)NULL); _exit(127); }
    if (fork() == 0) { dup2(p[0], 0); close(p[0]); close(p[1]); execlp("wc", "wc", "-l", (char *)NULL); _exit(127); }
    close(p[0]); close(p[1]);
    while (wait(NULL) > 0) ;
    fflush(stdout);
    if (fork() == 0) { execlp("ls", "ls", "box", "box/two", "nothere", (char *)NULL); _exit(127); }
    int st; wait(&st);
    printf("ls status %d\n", WEXITSTATUS(st));
    for (int i = 0; i < 3; i++) unlink(names[i]);
    rmdir("box");
    return 0;
}
