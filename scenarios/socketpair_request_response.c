/* A socketpair as a two-way channel: the parent sends requests, the child
   answers each one on the same socket (a pipe would need two). Stream
   sockets keep no message boundaries, so each request ends with a newline
   and the child reads up to it.
   schedule-independent: each side waits for the other's message. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int read_line(int fd, char *buf, int cap) {
    int n = 0;
    while (n < cap - 1 && read(fd, buf + n, 1) == 1 && buf[n] != '\n')
        n++;
    buf[n] = 0;
    return n;
}

int main(void) {
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    if (fork() == 0) {
        close(sv[0]);
        char req[64];
        while (read_line(sv[1], req, sizeof req) > 0) {
            for (int k = 0; req[k]; k++)
                req[k] = toupper((unsigned char)req[k]);
            strcat(req, "\n");
            write(sv[1], req, strlen(req));
        }
        return 0;
    }
    close(sv[1]);
    const char *words[] = {"ping", "hello", "sockets"};
    for (int k = 0; k < 3; k++) {
        char line[64], reply[64];
        snprintf(line, sizeof line, "%s\n", words[k]);
        write(sv[0], line, strlen(line));
        read_line(sv[0], reply, sizeof reply);
        printf("%s -> %s\n", words[k], reply);
    }
    close(sv[0]); /* the child reads end of file and exits */
    wait(NULL);
    return 0;
}
