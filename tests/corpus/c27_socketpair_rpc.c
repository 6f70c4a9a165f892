/* socketpair as a full-duplex channel between parent and child: the
   parent sends "op a b" requests as text, the child answers with the
   result; shutdown(SHUT_WR) signals the end and the child reports how
   many requests it served. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/wait.h>

static int compute(const char *req, int *out)
{
    char op[8]; int a, b;
    if (sscanf(req, "%7s %d %d", op, &a, &b) != 3) return -1;
    if (!strcmp(op, "add")) *out = a + b;
    else if (!strcmp(op, "mul")) *out = a * b;
    else if (!strcmp(op, "max")) *out = a > b ? a : b;
    else return -1;
    return 0;
}

int main(void)
{
    int sv[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) { perror("socketpair"); return 1; }
    pid_t pid = fork();
    if (pid == 0) {
        close(sv[0]);
        char req[64];
        int served = 0;
        ssize_t n;
        while ((n = recv(sv[1], req, sizeof req - 1, 0)) > 0) {
            req[n] = '\0';
            int r;
            char ans[32];
            if (compute(req, &r) == 0) snprintf(ans, sizeof ans, "ok %d", r);
            else snprintf(ans, sizeof ans, "error");
            send(sv[1], ans, strlen(ans), 0);
            served++;
        }
        close(sv[1]);
        _exit(served);
    }
    close(sv[1]);
    const char *reqs[] = {"add 2 40", "mul 6 7", "max -3 -9", "div 1 0", "add 100 -58"};
    for (int i = 0; i < 5; i++) {
        char ans[32];
        send(sv[0], reqs[i], strlen(reqs[i]), 0);
        ssize_t n = recv(sv[0], ans, sizeof ans - 1, 0);
        ans[n > 0 ? n : 0] = '\0';
        printf("%-12s => %s\n", reqs[i], ans);
    }
    shutdown(sv[0], SHUT_WR);
    char x;
    printf("recv after peer closed: %d\n", (int)recv(sv[0], &x, 1, 0));
    int st;
    waitpid(pid, &st, 0);
    printf("child served %d requests\n", WEXITSTATUS(st));
    close(sv[0]);
    return 0;
}
