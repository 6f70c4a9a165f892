/* The abstract namespace is per socket type on Linux: a datagram socket
   may bind "\0abs" while a stream socket holds it. Also bind with
   addrlen 111 from a 110-byte sockaddr_un: Linux says EINVAL (the kernel
   copies 111 bytes and rejects the length); from a larger buffer too. */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
int main(void) {
    struct sockaddr_un ab;
    memset(&ab, 0, sizeof ab);
    ab.sun_family = AF_UNIX;
    memcpy(ab.sun_path, "\0abs", 4);
    socklen_t len = offsetof(struct sockaddr_un, sun_path) + 4;
    int r1 = bind(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&ab, len);
    int r2 = bind(socket(AF_UNIX, SOCK_DGRAM, 0), (struct sockaddr *)&ab, len);
    printf("stream %d, datagram %d errno %d\n", r1, r2, r2 < 0 ? errno : 0);
    struct sockaddr_un p;
    memset(&p, 0, sizeof p);
    p.sun_family = AF_UNIX;
    strcpy(p.sun_path, "t_mm_111");
    int r3 = bind(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&p, 111);
    printf("addrlen 111 from a 110-byte struct: %d errno %d\n", r3, r3 < 0 ? errno : 0);
    union { struct sockaddr_un a; char pad[200]; } u;
    memset(&u, 0, sizeof u);
    u.a.sun_family = AF_UNIX;
    strcpy(u.a.sun_path, "t_mm_111");
    int r4 = bind(socket(AF_UNIX, SOCK_STREAM, 0), (struct sockaddr *)&u, 111);
    printf("addrlen 111 from a 200-byte buffer: %d errno %d\n", r4, r4 < 0 ? errno : 0);
    return 0;
}
