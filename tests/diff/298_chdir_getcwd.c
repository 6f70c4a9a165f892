#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>

int main(void) {
    char start[4096], here[4096];
    if (getcwd(start, sizeof start) == NULL) { perror("getcwd"); return 1; }
    mkdir("sub", 0755);
    mkdir("sub/deeper", 0755);
    int fd = open("sub/deeper/note.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "hello\n", 6);
    close(fd);
    printf("chdir sub: %d\n", chdir("sub"));
    getcwd(here, sizeof here);
    printf("below start: %d, suffix %s\n", strncmp(start, here, strlen(start)) == 0, here + strlen(start));
    fd = open("deeper/note.txt", O_RDONLY);
    char buf[16] = {0};
    read(fd, buf, sizeof buf - 1);
    close(fd);
    printf("read relative: %s", buf);
    pid_t c = fork();
    if (c == 0) {
        chdir("deeper");
        char mine[4096];
        getcwd(mine, sizeof mine);
        printf("child in %s\n", mine + strlen(start));
        int f2 = open("from_child.txt", O_CREAT | O_WRONLY, 0644);
        close(f2);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    getcwd(here, sizeof here);
    printf("parent still in %s\n", here + strlen(start));
    printf("child's file seen: %d\n", access("deeper/from_child.txt", F_OK) == 0);
    errno = 0;
    int r = chdir("nowhere");
    printf("chdir nowhere: %d %s\n", r, strerror(errno));
    r = chdir("deeper/note.txt");
    printf("chdir file: %d %s\n", r, strerror(errno));
    char tiny[2];
    char *t = getcwd(tiny, sizeof tiny);
    printf("tiny: %s %s\n", t == NULL ? "NULL" : "?", strerror(errno));
    char *m = getcwd(NULL, 0);
    printf("malloced ok: %d\n", m != NULL && strcmp(m, here) == 0);
    free(m);
    chdir("..");
    getcwd(here, sizeof here);
    printf("back: %d\n", strcmp(here, start) == 0);
    unlink("sub/deeper/from_child.txt");
    unlink("sub/deeper/note.txt");
    rmdir("sub/deeper");
    rmdir("sub");
    return 0;
}
