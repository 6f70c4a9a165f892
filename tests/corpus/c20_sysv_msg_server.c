/* Request/reply server on one System V message queue: clients send
   requests of type 1 carrying their reply type (client number + 10);
   the server child answers each with n*n on the client's type. The
   parent waits for its clients, then sends a stop request. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/wait.h>

#define NCLIENT 3
#define REQUEST 1L

struct req { long mtype; long reply_to; int n; };
struct rep { long mtype; int result; };

static void server(int q)
{
    struct req r;
    int served = 0;
    for (;;) {
        if (msgrcv(q, &r, sizeof r - sizeof(long), REQUEST, 0) < 0) { perror("server msgrcv"); _exit(2); }
        if (r.n < 0) break;
        struct rep a = {r.reply_to, r.n * r.n};
        msgsnd(q, &a, sizeof a - sizeof(long), 0);
        served++;
    }
    _exit(served);
}

static void client(int q, int c)
{
    int total = 0;
    for (int k = 1; k <= 4; k++) {
        struct req r = {REQUEST, 10 + c, c * 10 + k};
        struct rep a;
        msgsnd(q, &r, sizeof r - sizeof(long), 0);
        msgrcv(q, &a, sizeof a - sizeof(long), 10 + c, 0);
        total += a.result;
    }
    _exit(total % 256);
}

int main(void)
{
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    pid_t srv = fork();
    if (srv == 0) server(q);
    pid_t cl[NCLIENT];
    for (int c = 0; c < NCLIENT; c++)
        if ((cl[c] = fork()) == 0) client(q, c);
    for (int c = 0; c < NCLIENT; c++) {
        int st;
        waitpid(cl[c], &st, 0);
        printf("client %d: sum of squares mod 256 = %d\n", c, WEXITSTATUS(st));
    }
    struct req stop = {REQUEST, 0, -1};
    msgsnd(q, &stop, sizeof stop - sizeof(long), 0);
    int st;
    waitpid(srv, &st, 0);
    printf("server answered %d requests\n", WEXITSTATUS(st));
    msgctl(q, IPC_RMID, NULL);
    return 0;
}
