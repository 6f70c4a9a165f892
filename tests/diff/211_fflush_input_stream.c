/* fflush and fclose on an input stream (glibc): the descriptor's offset
   is moved back to the stream's logical position, which a forked child
   sharing the offset can observe. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    FILE *f = fopen("in_x04.txt", "w");
    fprintf(f, "0123456789abcdefghij\n");
    fclose(f);
    f = fopen("in_x04.txt", "r");
    int fd = fileno(f);
    printf("getc: %c, fd offset %ld\n", getc(f), (long)lseek(fd, 0, SEEK_CUR));
    fflush(f);
    printf("after fflush: fd offset %ld, ftell %ld\n", (long)lseek(fd, 0, SEEK_CUR), ftell(f));
    printf("getc: %c\n", getc(f));
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) { fclose(f); _exit(0); }
    waitpid(pid, NULL, 0);
    printf("after child fclose: fd offset %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    pid = fork();
    if (pid == 0) { getc(f); getc(f); exit(0); }
    waitpid(pid, NULL, 0);
    printf("after child getc x2 + exit: fd offset %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    fclose(f);
    remove("in_x04.txt");
    return 0;
}
