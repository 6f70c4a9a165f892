/* must reject: passing descriptors over a socket with SCM_RIGHTS (named as written, with what to do instead) */
#include <string.h>
#include <sys/socket.h>

int main(void)
{
    char space[CMSG_SPACE(sizeof(int))];
    struct msghdr m;
    memset(&m, 0, sizeof m);
    m.msg_control = space;
    m.msg_controllen = sizeof space;
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = SOL_SOCKET;
    c->cmsg_type = SCM_RIGHTS;
    return 0;
}
