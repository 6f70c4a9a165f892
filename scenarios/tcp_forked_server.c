/* A forked TCP server handling two clients: the server accepts each
   connection and forks a handler for it, which answers one request.
   Each client prints the answer it got.
   Not schedule-independent: the clients' lines come in either order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 7000

static struct sockaddr_in server_address(void) {
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(PORT);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return a;
}

static void client(int id) {
    int c = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = server_address();
    if (connect(c, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        exit(1);
    }
    char req[16], ans[64];
    int n = snprintf(req, sizeof req, "square %d", id + 2);
    write(c, req, n);
    shutdown(c, SHUT_WR);
    int got = 0, k;
    while ((k = read(c, ans + got, sizeof ans - 1 - got)) > 0) got += k;
    ans[got] = 0;
    printf("client %d: %s\n", id, ans);
    close(c);
    exit(0);
}

static void handle(int s) {
    char req[64];
    int got = 0, k;
    while ((k = read(s, req + got, sizeof req - 1 - got)) > 0) got += k;
    req[got] = 0;
    int x = atoi(req + 7);
    char ans[32];
    int n = snprintf(ans, sizeof ans, "%d", x * x);
    write(s, ans, n);
    close(s);
    exit(0);
}

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = server_address();
    if (bind(ls, (struct sockaddr *)&a, sizeof a) < 0 || listen(ls, 8) < 0) {
        perror("server");
        return 1;
    }
    for (int id = 0; id < 2; id++)
        if (fork() == 0) {
            close(ls);
            client(id);
        }
    for (int k = 0; k < 2; k++) {
        int s = accept(ls, NULL, NULL);
        if (fork() == 0) {
            close(ls);
            handle(s);
        }
        close(s);
    }
    close(ls);
    while (wait(NULL) > 0) {
    }
    return 0;
}
