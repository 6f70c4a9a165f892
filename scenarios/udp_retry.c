/* A request over UDP with a timeout and retries: the client sets
   SO_RCVTIMEO and sends its request again when no reply comes in time,
   up to three tries. On loopback the first try always works; with
   `--net-faults loss` a lost request or reply costs a retry, and three
   losses in a row make the client give up (it says so and exits 1).
   schedule-independent: one request and one reply at a time, in strict
   time (run's default). In lower-bound time a timeout may run out at
   any step, so explore also finds the client that retries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#define PORT 7200

int main(void) {
    int srv = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(PORT);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(srv, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("bind");
        return 1;
    }
    pid_t server = fork();
    if (server == 0) {
        /* The server answers every request it gets, for as long as it runs. */
        for (;;) {
            char buf[64];
            struct sockaddr_in from;
            socklen_t fl = sizeof from;
            ssize_t n = recvfrom(srv, buf, sizeof buf - 1, 0, (struct sockaddr *)&from, &fl);
            if (n <= 0) continue;
            buf[n] = 0;
            char ans[64];
            int len = snprintf(ans, sizeof ans, "hello, %s", buf);
            sendto(srv, ans, len, 0, (struct sockaddr *)&from, fl);
        }
    }
    close(srv);
    int c = socket(AF_INET, SOCK_DGRAM, 0);
    struct timeval tv = {1, 0};
    setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int ok = 0;
    for (int try = 1; try <= 3 && !ok; try++) {
        sendto(c, "client", 6, 0, (struct sockaddr *)&a, sizeof a);
        char buf[64];
        ssize_t n = recv(c, buf, sizeof buf - 1, 0);
        if (n < 0 && errno == EAGAIN) {
            printf("try %d: no reply in time\n", try);
            continue;
        }
        buf[n] = 0;
        printf("reply: %s\n", buf);
        ok = 1;
    }
    if (!ok) printf("gave up after 3 tries\n");
    kill(server, SIGTERM);
    waitpid(server, NULL, 0);
    return ok ? 0 : 1;
}
