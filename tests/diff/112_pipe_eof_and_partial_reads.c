/* Reads return what is there; EOF only after every write end in every process is closed; a page frees only when fully read. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd[2];
    char buf[100];
    pipe(fd);
    printf("F_GETPIPE_SZ = %d\n", fcntl(fd[0], F_GETPIPE_SZ));
    write(fd[1], "0123456789", 10);
    printf("read 100 -> %zd\n", read(fd[0], buf, 100));
    int w2 = dup(fd[1]);
    if (fork() == 0) {
        close(fd[0]);
        write(w2, "abc", 3);
        _exit(0);
    }
    wait(NULL);
    close(w2);
    printf("read after child wrote -> %zd\n", read(fd[0], buf, 100));
    fcntl(fd[0], F_SETFL, O_NONBLOCK);
    ssize_t n = read(fd[0], buf, 100);
    printf("empty, writer open, nonblocking -> %zd %s\n", n, errno == EAGAIN ? "EAGAIN" : "?");
    close(fd[1]);
    printf("all writers closed -> %zd, again %zd\n", read(fd[0], buf, 100), read(fd[0], buf, 100));
    /* A full pipe: reading one byte does not free a slot. */
    int p[2];
    pipe(p);
    fcntl(p[1], F_SETFL, O_NONBLOCK);
    static char big[4096];
    while (write(p[1], big, 4096) > 0)
        ;
    read(p[0], buf, 1);
    printf("full, read 1, write 1 -> %zd\n", write(p[1], "x", 1));
    for (int k = 0; k < 4095; k++)
        read(p[0], buf, 1);
    printf("after a whole page read, write 1 -> %zd\n", write(p[1], "x", 1));
    return 0;
}
