/* a struct with double fields through a POSIX message queue: two children send sensor readings with priorities, the parent receives them (highest priority first, after both children exited) and prints statistics */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <mqueue.h>
#include <sys/wait.h>

struct reading { int sensor; int seq; double value; double weight; float scale; };

#define QNAME "/ipcsim_239_readings"

int main(void) {
    struct mq_attr attr;
    memset(&attr, 0, sizeof attr);
    attr.mq_maxmsg = 10;
    attr.mq_msgsize = sizeof(struct reading);
    mq_unlink(QNAME);
    mqd_t q = mq_open(QNAME, O_CREAT | O_RDWR, 0600, &attr);
    if (q == (mqd_t)-1) { perror("mq_open"); return 1; }
    pid_t kids[2];
    for (int s = 0; s < 2; s++) {
        kids[s] = fork();
        if (kids[s] < 0) { perror("fork"); return 1; }
        if (kids[s] == 0) {
            for (int i = 0; i < 4; i++) {
                struct reading r;
                memset(&r, 0, sizeof r);
                r.sensor = s;
                r.seq = i;
                r.value = (s + 1) * 10.0 + i * 0.1 - (s ? 0.0625 : 0);
                r.weight = 1.0 / (i + 1);
                r.scale = 0.5f * (float)(i + s);
                /* priorities differ across all eight messages: the receive order is fixed */
                if (mq_send(q, (const char *)&r, sizeof r, 2 * i + s) < 0) { perror("mq_send"); _exit(1); }
            }
            mq_close(q);
            _exit(0);
        }
    }
    for (int s = 0; s < 2; s++) {
        int st;
        waitpid(kids[s], &st, 0);
        printf("sensor %d exited %d\n", s, WEXITSTATUS(st));
    }
    double wsum = 0, wtot = 0, total[2] = { 0, 0 };
    struct mq_attr now;
    mq_getattr(q, &now);
    printf("queued %ld, msgsize %ld, sizeof(struct reading) %zu\n", now.mq_curmsgs, now.mq_msgsize, sizeof(struct reading));
    for (int k = 0; k < 8; k++) {
        struct reading r;
        unsigned prio;
        ssize_t n = mq_receive(q, (char *)&r, sizeof r, &prio);
        if (n != sizeof r) { printf("bad receive %zd\n", n); break; }
        printf("prio %u: sensor %d seq %d value %.4f weight %.6f scale %.2f\n", prio, r.sensor, r.seq, r.value, r.weight, r.scale);
        wsum += r.value * r.weight;
        wtot += r.weight;
        total[r.sensor] += r.value;
    }
    printf("weighted mean %.10f\n", wsum / wtot);
    printf("sensor means %.4f %.4f\n", total[0] / 4, total[1] / 4);
    mq_close(q);
    mq_unlink(QNAME);
    return 0;
}
