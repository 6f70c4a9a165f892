/* Fixed (issue 9/10 hostile review), was: bind() of an AF_UNIX socket to "/tmp/hsock_dir/" (trailing slash, nothing there) succeeds in ipcsim; Linux fails with ENOENT (a trailing slash demands a directory). Run: ipcsim run socket_bind_trailing_slash.c */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
int main(void) {
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "/tmp/hsock_dir/");
    errno = 0; int r = bind(s, (struct sockaddr*)&a, sizeof a);
    printf("%d %d\n", r, errno);
    if (r == 0) unlink("/tmp/hsock_dir");
    return 0;
}
