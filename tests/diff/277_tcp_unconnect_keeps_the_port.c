/* connect(AF_UNSPEC) on a TCP socket that was bound but never connected leaves it bound (tcp_disconnect does not change its state, so its port stays and a second bind fails with EINVAL); the any address it was bound to stays, and listen keeps its port. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
static struct sockaddr_in at(const char *ip, int port) {
    struct sockaddr_in a; memset(&a, 0, sizeof a); a.sin_family = AF_INET; a.sin_port = htons(port); inet_pton(AF_INET, ip, &a.sin_addr); return a;
}
int main(void) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = at("127.0.0.1", 0);
    printf("bind %d\n", bind(s, (struct sockaddr *)&a, sizeof a));
    struct sockaddr u; memset(&u, 0, sizeof u); u.sa_family = AF_UNSPEC;
    printf("unconnect %d\n", connect(s, &u, sizeof u));
    struct sockaddr_in b = at("127.0.0.1", 40000);
    int r = bind(s, (struct sockaddr *)&b, sizeof b);
    printf("bind again %d errno %d\n", r, r < 0 ? errno : 0);
    int t = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in any = at("0.0.0.0", 0);
    printf("bind any %d\n", bind(t, (struct sockaddr *)&any, sizeof any));
    printf("unconnect %d\n", connect(t, &u, sizeof u));
    struct sockaddr_in got; socklen_t n = sizeof got;
    getsockname(t, (struct sockaddr *)&got, &n);
    printf("name %s port>0 %d\n", inet_ntoa(got.sin_addr), ntohs(got.sin_port) > 0);
    r = listen(t, 1);
    printf("listen %d\n", r);
    n = sizeof got; getsockname(t, (struct sockaddr *)&got, &n);
    printf("name %s port>0 %d\n", inet_ntoa(got.sin_addr), ntohs(got.sin_port) > 0);
    return 0;
}
