/* A pool of three worker processes takes tasks from one POSIX message
   queue and posts results to a second one; a "stop" task per worker
   ends them. The parent adds up the results, which do not depend on
   which worker did what. Queue names carry the program name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <mqueue.h>
#include <unistd.h>
#include <sys/wait.h>

#define TASKQ "/c44_tasks"
#define RESQ "/c44_results"
#define WORKERS 3
#define TASKS 12

struct task { int id; int n; };
struct result { int id; int value; };

static int work(int n) { int s = 0; for (int i = 1; i <= n; i++) s += i * i; return s; }

int main(void)
{
    struct mq_attr a;
    memset(&a, 0, sizeof a);
    a.mq_maxmsg = 4;
    a.mq_msgsize = sizeof(struct task);
    mq_unlink(TASKQ); mq_unlink(RESQ);
    mqd_t tq = mq_open(TASKQ, O_CREAT | O_RDWR, 0600, &a);
    a.mq_msgsize = sizeof(struct result);
    mqd_t rq = mq_open(RESQ, O_CREAT | O_RDWR, 0600, &a);
    if (tq == (mqd_t)-1 || rq == (mqd_t)-1) { perror("mq_open"); return 1; }

    for (int w = 0; w < WORKERS; w++) {
        if (fork() == 0) {
            int done = 0;
            struct task t;
            while (mq_receive(tq, (char *)&t, sizeof t, NULL) == sizeof t && t.id >= 0) {
                struct result r = {t.id, work(t.n)};
                mq_send(rq, (const char *)&r, sizeof r, 0);
                done++;
            }
            mq_close(tq); mq_close(rq);
            _exit(done);
        }
    }
    /* the parent alternates: send a task when possible, collect results;
       queues hold 4 messages, so it must not send everything first */
    int sent = 0, got = 0;
    long total = 0;
    int seen[TASKS] = {0};
    while (got < TASKS) {
        if (sent < TASKS && sent - got < 4) {
            struct task t = {sent, sent + 1};
            mq_send(tq, (const char *)&t, sizeof t, 0);
            sent++;
        } else {
            struct result r;
            mq_receive(rq, (char *)&r, sizeof r, NULL);
            seen[r.id]++;
            total += r.value;
            got++;
        }
    }
    for (int w = 0; w < WORKERS; w++) {
        struct task stop = {-1, 0};
        mq_send(tq, (const char *)&stop, sizeof stop, 0);
    }
    int st, handled = 0;
    while (wait(&st) > 0) handled += WEXITSTATUS(st);
    int once = 1;
    for (int i = 0; i < TASKS; i++) if (seen[i] != 1) once = 0;
    printf("tasks %d, handled by workers %d, every result once: %s\n", TASKS, handled, once ? "yes" : "no");
    printf("total of results %ld\n", total);
    mq_close(tq); mq_close(rq);
    mq_unlink(TASKQ); mq_unlink(RESQ);
    return 0;
}
