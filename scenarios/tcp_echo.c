/* A TCP echo server and a client forked beside it on 127.0.0.1: the
   client sends three words and reads each one back before the next.
   schedule-independent: the client waits for each echo, and a read
   loops until the whole word is back (TCP may deliver it in parts). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 5555

int main(void) {
    int ls = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(PORT);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(ls, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
    if (listen(ls, 4) < 0) { perror("listen"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        close(ls);
        int c = socket(AF_INET, SOCK_STREAM, 0);
        struct sockaddr_in srv;
        memset(&srv, 0, sizeof srv);
        srv.sin_family = AF_INET;
        srv.sin_port = htons(PORT);
        inet_pton(AF_INET, "127.0.0.1", &srv.sin_addr);
        if (connect(c, (struct sockaddr *)&srv, sizeof srv) < 0) { perror("connect"); exit(1); }
        const char *words[] = {"hello", "world", "bye"};
        for (int k = 0; k < 3; k++) {
            char buf[64];
            write(c, words[k], strlen(words[k]));
            int got = 0, n;
            while (got < (int)strlen(words[k]) && (n = read(c, buf + got, sizeof buf - 1 - got)) > 0) got += n;
            buf[got] = 0;
            printf("client got: %s\n", buf);
        }
        close(c);
        exit(0);
    }
    struct sockaddr_in peer;
    socklen_t plen = sizeof peer;
    int s = accept(ls, (struct sockaddr *)&peer, &plen);
    char ip[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof ip);
    printf("server: connection from %s\n", ip);
    char buf[64];
    int n;
    long total = 0;
    while ((n = read(s, buf, sizeof buf)) > 0) { write(s, buf, n); total += n; }
    printf("server: echoed %ld bytes\n", total);
    close(s);
    close(ls);
    wait(NULL);
    return 0;
}
