/* gethostbyname and getaddrinfo for the names a run can resolve
   ("localhost" and numbers-and-dots), IPv4 entries only, and their
   errors; bzero and bcopy. */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <netdb.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

static void lookup(const char *node, const char *service, int family, int socktype, int flags) {
    struct addrinfo hints, *res, *ai;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_flags = flags;
    int r = getaddrinfo(node, service, &hints, &res);
    printf("getaddrinfo(%s, %s, %d, %d, %d) = %d", node ? node : "NULL", service ? service : "NULL", family, socktype, flags, r);
    if (r != 0) {
        printf(" %s\n", gai_strerror(r));
        return;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        if (ai->ai_family != AF_INET) continue;
        struct sockaddr_in *sin = (struct sockaddr_in *)ai->ai_addr;
        printf(" [%d %d %u %s:%d]", ai->ai_socktype, ai->ai_protocol, ai->ai_addrlen, inet_ntoa(sin->sin_addr), ntohs(sin->sin_port));
    }
    printf("\n");
    freeaddrinfo(res);
}

int main(void) {
    const char *names[] = {"localhost", "127.0.0.1", "127.1", "10.0.0.7"};
    for (int k = 0; k < 4; k++) {
        struct hostent *h = gethostbyname(names[k]);
        struct in_addr a;
        bcopy(h->h_addr, &a, h->h_length);
        printf("gethostbyname(%s): %s type %d length %d %s next %p\n", names[k], h->h_name, h->h_addrtype, h->h_length, inet_ntoa(a), (void *)h->h_addr_list[1]);
    }
    lookup("localhost", "8080", AF_INET, SOCK_STREAM, 0);
    lookup("127.0.0.1", "53", AF_INET, SOCK_DGRAM, 0);
    lookup("127.0.0.1", "7", AF_INET, 0, 0);
    lookup(NULL, "9000", AF_INET, SOCK_STREAM, AI_PASSIVE);
    lookup(NULL, "9000", AF_INET, SOCK_STREAM, 0);
    lookup(NULL, NULL, AF_INET, SOCK_STREAM, 0);
    lookup("localhost", "http-not-a-port", AF_INET, SOCK_STREAM, AI_NUMERICSERV);
    lookup("127.0.0.1", "70000", AF_INET, SOCK_STREAM, 0);
    lookup("localhost", "80", AF_INET, SOCK_STREAM, AI_NUMERICHOST);
    char buf[8] = "abcdefg";
    bzero(buf + 2, 3);
    printf("bzero: %c%c %d%d%d %c%c\n", buf[0], buf[1], buf[2], buf[3], buf[4], buf[5], buf[6]);
    return 0;
}
