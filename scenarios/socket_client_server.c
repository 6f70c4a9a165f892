/* A server on a socket path and two clients: the server binds
   "server.sock", listens, and answers each connection with the length of
   the request; each client connects, sends its name and prints the reply.
   The clients may connect in either order.
   Not schedule-independent: the two clients' lines come in either order. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "server.sock"

static void client(const char *name) {
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, PATH);
    int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) != 0) {
        perror("connect");
        _exit(1);
    }
    write(fd, name, strlen(name));
    shutdown(fd, SHUT_WR);
    char reply[32];
    ssize_t n = read(fd, reply, sizeof reply - 1);
    reply[n > 0 ? n : 0] = 0;
    printf("%s got: %s\n", name, reply);
    close(fd);
}

int main(void) {
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, PATH);
    unlink(PATH);
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    bind(srv, (struct sockaddr *)&a, sizeof a);
    listen(srv, 4);
    const char *names[] = {"alice", "bob"};
    for (int k = 0; k < 2; k++) {
        if (fork() == 0) {
            close(srv);
            client(names[k]);
            return 0;
        }
    }
    for (int k = 0; k < 2; k++) {
        int c = accept(srv, NULL, NULL);
        char req[32];
        int len = 0;
        ssize_t n;
        while ((n = read(c, req, sizeof req)) > 0)
            len += n;
        char reply[32];
        snprintf(reply, sizeof reply, "%d bytes", len);
        write(c, reply, strlen(reply));
        close(c);
    }
    while (wait(NULL) > 0) {}
    close(srv);
    unlink(PATH);
    return 0;
}
