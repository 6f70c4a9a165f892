/* Linux validates the socket type (flags, then range) before the domain:
   socket(12345, 99, 7) is EINVAL; socketpair of a family with no pairs
   (AF_INET) is EOPNOTSUPP. */
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>
int main(void) {
    int sp[2];
    int r = socket(12345, 99, 7);
    printf("socket(12345, 99, 7): %d errno %d\n", r, r < 0 ? errno : 0);
    r = socketpair(2, SOCK_STREAM, 0, sp);
    printf("socketpair(AF_INET, STREAM): %d errno %d\n", r, r < 0 ? errno : 0);
    r = socketpair(2, SOCK_DGRAM, 0, sp);
    printf("socketpair(AF_INET, DGRAM): %d errno %d\n", r, r < 0 ? errno : 0);
    return 0;
}
