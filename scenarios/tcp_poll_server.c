/* A single-process TCP server that serves two clients at once with
   poll(): the listener and each connection are watched together, and
   whichever is ready is served. Each client sends a number and prints
   its double.
   Not schedule-independent: the clients' lines come in either order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 7100
#define CLIENTS 2

static struct sockaddr_in server_address(void) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(PORT);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static void client(int n) {
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = server_address();
    if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        exit(1);
    }
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%d", n);
    write(c, buf, len);
    shutdown(c, SHUT_WR);
    int got = 0, k;
    while ((k = read(c, buf + got, sizeof buf - 1 - got)) > 0) got += k;
    buf[got] = 0;
    printf("client %d: doubled is %s\n", n, buf);
    exit(0);
}

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = server_address();
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, CLIENTS) < 0) {
        perror("server");
        return 1;
    }
    for (int k = 0; k < CLIENTS; k++)
        if (fork() == 0) {
            close(ls);
            client(10 * (k + 1));
        }
    struct pollfd fds[1 + CLIENTS];
    char req[1 + CLIENTS][32];
    int used[1 + CLIENTS];
    fds[0].fd = ls;
    fds[0].events = POLLIN;
    for (int k = 1; k <= CLIENTS; k++) {
        fds[k].fd = -1;
        fds[k].events = POLLIN;
        used[k] = 0;
    }
    int served = 0, accepted = 0;
    while (served < CLIENTS) {
        if (poll(fds, 1 + CLIENTS, -1) < 0) {
            perror("poll");
            return 1;
        }
        if ((fds[0].revents & POLLIN) && accepted < CLIENTS) {
            int s = accept(ls, NULL, NULL);
            fds[++accepted].fd = s;
        }
        for (int k = 1; k <= CLIENTS; k++) {
            if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP)))
                continue;
            int n = read(fds[k].fd, req[k] + used[k], sizeof req[k] - 1 - used[k]);
            if (n > 0) {
                used[k] += n;
                continue;
            }
            req[k][used[k]] = 0;
            char ans[32];
            int len = snprintf(ans, sizeof ans, "%d", 2 * atoi(req[k]));
            write(fds[k].fd, ans, len);
            close(fds[k].fd);
            fds[k].fd = -1;
            served++;
        }
    }
    close(ls);
    while (wait(NULL) > 0) {
    }
    printf("server: served %d clients\n", served);
    return 0;
}
