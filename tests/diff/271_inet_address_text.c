/* Byte order and IPv4 address text as glibc computes them. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>

int main(void) {
    printf("htons %x ntohs %x htonl %x ntohl %x\n", htons(0x1234), ntohs(0x3412), htonl(0x01020304u), ntohl(0x04030201u));
    const char *texts[] = {"127.0.0.1", "1.2.3", "256.1.1.1", "01.2.3.4", " 1.2.3.4", "1.2.3.4 ", "1.2.3.4.5",
                           "0x7f.0.0.1", "", "0.0.0.0", "255.255.255.255", "1.2.3.04", "10.0.0.1", "1", "4294967295",
                           "4294967296", "010.0.0.1", "0x7f.1", "1.2.3.4 junk", "bad", "1..2.3", "1.2.3.", "0xg"};
    for (unsigned k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        struct in_addr a = {0}, b = {0};
        int p = inet_pton(AF_INET, texts[k], &a);
        int t = inet_aton(texts[k], &b);
        in_addr_t v = inet_addr(texts[k]);
        printf("'%s': pton %d %08x aton %d %08x addr %08x\n", texts[k], p, ntohl(a.s_addr), t, ntohl(b.s_addr), ntohl(v));
    }
    struct in_addr x;
    x.s_addr = htonl(0xc0a80a01);
    char buf[INET_ADDRSTRLEN];
    printf("ntop %s ntoa %s\n", inet_ntop(AF_INET, &x, buf, sizeof buf), inet_ntoa(x));
    char small[8];
    errno = 0;
    const char *r = inet_ntop(AF_INET, &x, small, sizeof small);
    printf("ntop into 8 bytes: %s errno %s\n", r ? r : "NULL", strerror(errno));
    errno = 0;
    printf("pton family 99: %d %s\n", inet_pton(99, "1.2.3.4", &x), strerror(errno));
    struct sockaddr_in sin;
    printf("sizeof sockaddr_in %zu in_addr %zu storage %zu\n", sizeof sin, sizeof(struct in_addr), sizeof(struct sockaddr_storage));
    return 0;
}
