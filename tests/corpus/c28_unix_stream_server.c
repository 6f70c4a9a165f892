/* AF_UNIX stream server with a socket file in the current directory: the
   parent binds and listens before forking two clients, then accepts them
   one at a time; each client sends a line and the server answers with its
   length and the line reversed. The socket file is unlinked at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/stat.h>
#include <sys/wait.h>

#define PATH "c28_server.sock"

static void client(const char *text)
{
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("connect"); _exit(1); }
    write(s, text, strlen(text));
    shutdown(s, SHUT_WR);
    char buf[128];
    int n = read(s, buf, sizeof buf);
    close(s);
    _exit(n > 0 ? 0 : 3);
}

int main(void)
{
    unlink(PATH);
    int srv = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un addr;
    memset(&addr, 0, sizeof addr);
    addr.sun_family = AF_UNIX;
    strcpy(addr.sun_path, PATH);
    if (bind(srv, (struct sockaddr *)&addr, sizeof addr) < 0) { perror("bind"); return 1; }
    listen(srv, 4);
    const char *texts[] = {"hello server", "unix domain sockets"};
    for (int i = 0; i < 2; i++)
        if (fork() == 0) { close(srv); client(texts[i]); }

    int total = 0;
    for (int i = 0; i < 2; i++) {
        int c = accept(srv, NULL, NULL);
        if (c < 0) { perror("accept"); return 1; }
        char buf[128], rev[128];
        int n = 0, r;
        while ((r = read(c, buf + n, sizeof buf - 1 - n)) > 0) n += r;
        buf[n] = '\0';
        for (int k = 0; k < n; k++) rev[k] = buf[n - 1 - k];
        rev[n] = '\0';
        char reply[160];
        int len = snprintf(reply, sizeof reply, "%d:%s", n, rev);
        write(c, reply, len);
        close(c);
        total += n;
    }
    int ok = 0, st;
    while (wait(&st) > 0) ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
    printf("served 2 clients, %d bytes in total, %d clients happy\n", total, ok);
    close(srv);
    struct stat sb;
    printf("socket file exists before unlink: %d, is a socket: %d\n", stat(PATH, &sb) == 0, S_ISSOCK(sb.st_mode) != 0);
    unlink(PATH);
    printf("after unlink: %d\n", stat(PATH, &sb) == 0);
    return 0;
}
