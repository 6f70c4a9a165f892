/* A UDP sender and receiver on 127.0.0.1: three readings, then "stop".
   The receiver binds to an ephemeral port and tells the sender (by
   fork) where it is.
   schedule-independent: one sender, and loopback keeps datagrams in
   order. With --net-faults loss a datagram can be lost, and the
   receiver waits for ever for its "stop". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    int r = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in me = {0};
    me.sin_family = AF_INET;
    me.sin_port = htons(0);
    me.sin_addr.s_addr = inet_addr("127.0.0.1");
    bind(r, (struct sockaddr *)&me, sizeof me);
    socklen_t len = sizeof me;
    getsockname(r, (struct sockaddr *)&me, &len);
    if (fork() == 0) {
        int s = socket(AF_INET, SOCK_DGRAM, 0);
        for (int k = 1; k <= 3; k++) {
            char msg[32];
            int n = snprintf(msg, sizeof msg, "reading %d", k * 10);
            sendto(s, msg, n, 0, (struct sockaddr *)&me, sizeof me);
        }
        sendto(s, "stop", 4, 0, (struct sockaddr *)&me, sizeof me);
        exit(0);
    }
    for (;;) {
        char buf[64];
        struct sockaddr_in from;
        socklen_t fl = sizeof from;
        ssize_t n = recvfrom(r, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &fl);
        buf[n] = 0;
        if (strcmp(buf, "stop") == 0) break;
        printf("got '%s' from %s\n", buf, inet_ntoa(from.sin_addr));
    }
    wait(NULL);
    printf("receiver done\n");
    return 0;
}
