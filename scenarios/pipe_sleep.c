/* The lecture's pipe example: the child blocks in read() until the parent
   writes, two seconds later. Under `ipcsim run` (strict virtual time) the
   trace shows the child's read completing at t=2.
   schedule-independent: the read returns only after the write. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    pipe(fd); /* fd[0] = read end, fd[1] = write end */
    if (fork() == 0) { /* child */
        close(fd[1]);
        char buf[100];
        ssize_t n = read(fd[0], buf, sizeof(buf)); /* blocks until parent writes */
        printf("child read %zd bytes: %.*s\n", n, (int)n, buf);
        return 0;
    }
    /* parent */
    close(fd[0]);
    sleep(2);
    write(fd[1], "hi", 2); /* unblocks child */
    close(fd[1]);
    wait(NULL);
    printf("parent done\n");
    return 0;
}
