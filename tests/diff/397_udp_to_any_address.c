/* A datagram sent to 0.0.0.0 goes to the sender's own address when its
   socket is bound to one (Linux routes "no destination" to the source),
   else to 127.0.0.1. Found by the conformance property test: a socket a
   child bound to 127.0.0.2 and its parent used to send to 0.0.0.0. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in addr(const char *ip, int port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons(port);
    inet_pton(AF_INET, ip, &a.sin_addr);
    return a;
}

static int queued(int s)
{
    char buf[64];
    int n = 0;
    while (recv(s, buf, sizeof buf, MSG_DONTWAIT) >= 0)
        n++;
    return n;
}

int main(void)
{
    int own = socket(AF_INET, SOCK_DGRAM, 0);
    int lo = socket(AF_INET, SOCK_DGRAM, 0);
    int tx = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in a = addr("127.0.0.2", 40100), b = addr("127.0.0.1", 40100), any = addr("0.0.0.0", 40100);
    if (bind(own, (struct sockaddr *)&a, sizeof a) || bind(lo, (struct sockaddr *)&b, sizeof b))
        return 1;
    /* Bound to 127.0.0.2: to 0.0.0.0 is to itself. */
    printf("sendto from 127.0.0.2: %ld\n", (long)sendto(own, "x", 1, 0, (struct sockaddr *)&any, sizeof any));
    /* Unbound: to 0.0.0.0 is to 127.0.0.1. */
    printf("sendto from unbound: %ld\n", (long)sendto(tx, "y", 1, 0, (struct sockaddr *)&any, sizeof any));
    printf("queued at 127.0.0.2: %d, at 127.0.0.1: %d\n", queued(own), queued(lo));
    return 0;
}
