/* Datagrams: a receiver binds "collector.sock"; three children each send
   two datagrams to it with sendto, without connecting. Each datagram
   arrives whole (boundaries are kept); the receiver adds up the numbers.
   schedule-independent: the sum does not depend on the arrival order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "collector.sock"

int main(void) {
    struct sockaddr_un a;
    memset(&a, 0, sizeof a);
    a.sun_family = AF_UNIX;
    strcpy(a.sun_path, PATH);
    unlink(PATH);
    int rx = socket(AF_UNIX, SOCK_DGRAM, 0);
    bind(rx, (struct sockaddr *)&a, sizeof a);
    for (int k = 1; k <= 3; k++) {
        if (fork() == 0) {
            int tx = socket(AF_UNIX, SOCK_DGRAM, 0);
            char msg[16];
            for (int j = 0; j < 2; j++) {
                snprintf(msg, sizeof msg, "%d", k * 10 + j);
                sendto(tx, msg, strlen(msg), 0, (struct sockaddr *)&a, sizeof a);
            }
            return 0;
        }
    }
    int sum = 0;
    for (int k = 0; k < 6; k++) {
        char buf[16];
        ssize_t n = recv(rx, buf, sizeof buf - 1, 0);
        buf[n] = 0;
        sum += atoi(buf);
    }
    printf("6 datagrams, sum %d\n", sum);
    while (wait(NULL) > 0) {}
    unlink(PATH);
    return 0;
}
