/* pins sizeof/offsetof of POSIX types: sem_t 32, mq_attr, timespec, sockaddr_un, pid_t, off_t, mode_t, mqd_t, ssize_t */
#include <stdio.h>
#include <stddef.h>
#include <sys/types.h>
#include <semaphore.h>
#include <mqueue.h>
#include <time.h>
#include <sys/un.h>

int main(void)
{
    printf("sem_t=%zu\n", sizeof(sem_t));
    printf("struct mq_attr=%zu\n", sizeof(struct mq_attr));
    printf("mq_flags@%zu mq_maxmsg@%zu mq_msgsize@%zu mq_curmsgs@%zu\n",
           offsetof(struct mq_attr, mq_flags), offsetof(struct mq_attr, mq_maxmsg),
           offsetof(struct mq_attr, mq_msgsize), offsetof(struct mq_attr, mq_curmsgs));
    printf("struct timespec=%zu tv_sec@%zu tv_nsec@%zu\n", sizeof(struct timespec),
           offsetof(struct timespec, tv_sec), offsetof(struct timespec, tv_nsec));
    printf("struct sockaddr_un=%zu sun_family@%zu sun_path@%zu sun_path size=%zu\n",
           sizeof(struct sockaddr_un), offsetof(struct sockaddr_un, sun_family),
           offsetof(struct sockaddr_un, sun_path), sizeof(((struct sockaddr_un *)0)->sun_path));
    printf("pid_t=%zu size_t=%zu ssize_t=%zu off_t=%zu mode_t=%zu mqd_t=%zu\n",
           sizeof(pid_t), sizeof(size_t), sizeof(ssize_t), sizeof(off_t), sizeof(mode_t), sizeof(mqd_t));
    struct mq_attr at = { .mq_maxmsg = 10, .mq_msgsize = 64 };
    printf("attr: %ld %ld %ld %ld\n", at.mq_flags, at.mq_maxmsg, at.mq_msgsize, at.mq_curmsgs);
    struct timespec ts = { 1, 500000000 };
    printf("ts: %ld %ld\n", (long)ts.tv_sec, ts.tv_nsec);
    sem_t sems[3];
    printf("sizeof sems=%zu\n", sizeof sems);
    struct wrap { char c; sem_t s; } wrap;
    printf("wrap=%zu s@%zu (sem_t align)\n", sizeof wrap, offsetof(struct wrap, s));
    struct wrap2 { char c; struct timespec t; struct sockaddr_un a; } w2;
    printf("w2=%zu t@%zu a@%zu\n", sizeof w2, offsetof(struct wrap2, t), offsetof(struct wrap2, a));
    (void)wrap; (void)w2;
    ssize_t neg = -1;
    printf("ssize_t -1=%zd\n", neg);
    mode_t m = 0644;
    printf("mode=%o\n", m);
    return 0;
}
