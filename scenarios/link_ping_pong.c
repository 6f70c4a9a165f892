/* Direct communication: parent and child name each other (send_to,
   receive_from) on the link between them; with the default capacity 0
   each send is a rendezvous, so ping and pong strictly alternate. The
   parent's last receive takes from ANY_PROCESS.
   schedule-independent: the child prints; the parent after wait. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
#include "ipcsim.h"

int main(void) {
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        char buf[16];
        for (int k = 0; k < 3; k++) {
            ssize_t n = receive_from(parent, buf, sizeof buf);
            printf("child got %.*s %d\n", (int)n, buf, k);
            send_to(parent, "pong", 4);
        }
        return 0;
    }
    char buf[16];
    int pongs = 0;
    for (int k = 0; k < 3; k++) {
        send_to(child, "ping", 4);
        ssize_t n = k < 2 ? receive_from(child, buf, sizeof buf) : receive_from(ANY_PROCESS, buf, sizeof buf);
        pongs += n == 4;
    }
    wait(NULL);
    printf("parent got %d pongs\n", pongs);
    return 0;
}
