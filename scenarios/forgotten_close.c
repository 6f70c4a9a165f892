/* A reader that never sees end-of-file: the child reads the pipe until
   read() returns 0, but the parent forgot to close its own write end, so
   the pipe always has a writer. The child blocks in read(), the parent
   blocks in wait(): a deadlock, which ipcsim reports with the parent's
   open write end. Natively this program hangs.
   Not schedule-independent: every run deadlocks (natively: hangs). */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd);
    if (fork() == 0) {
        close(fd[1]);
        char buf[64];
        ssize_t n;
        size_t total = 0;
        while ((n = read(fd[0], buf, sizeof buf)) > 0)
            total += n;
        printf("child: %zu bytes, then end of file\n", total);
        return 0;
    }
    close(fd[0]);
    const char *msg = "three little words";
    write(fd[1], msg, strlen(msg));
    /* forgot: close(fd[1]); */
    wait(NULL);
    printf("parent: child finished\n");
    return 0;
}
