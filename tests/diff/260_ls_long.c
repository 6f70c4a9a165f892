/* the built-in ls: -l's lines and words (GNU's layout: total, mode, links, owner, group, size, date, name) for files, a directory, a named pipe and an empty directory; an invalid option is GNU's message and status 2 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    mkdir("ls260", 0755);
    mkdir("ls260/empty", 0755);
    int fd = open("ls260/small.txt", O_CREAT | O_WRONLY, 0644);
    write(fd, "hello\n", 6);
    close(fd);
    fd = open("ls260/big.bin", O_CREAT | O_WRONLY, 0600);
    char buf[9000] = {0};
    write(fd, buf, sizeof buf);
    close(fd);
    mkfifo("ls260/pipe", 0644);
    fflush(stdout);
    system("ls -l ls260 | wc -l; ls -l ls260 | wc -w; ls -l ls260/empty; ls -l ls260 | head -n 1");
    system("ls -l ls260/small.txt | wc -w; ls -la ls260/empty | wc -l; ls -1 ls260");
    int st = system("ls -z ls260");
    printf("invalid option: %d\n", WEXITSTATUS(st));
    unlink("ls260/small.txt");
    unlink("ls260/big.bin");
    unlink("ls260/pipe");
    rmdir("ls260/empty");
    rmdir("ls260");
    return 0;
}
