/* POSIX semaphores as glibc on Linux has them: unnamed in shared memory
   across fork (ping-pong), values and errors (EAGAIN, EOVERFLOW, EINVAL),
   named ones (EEXIST, the same pointer twice, ENOENT after unlink). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    sem_t ping, pong;
    int turns;
};

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sem_init(&s->ping, 1, 0);
    sem_init(&s->pong, 1, 0);
    if (fork() == 0) {
        for (int i = 0; i < 3; i++) {
            sem_wait(&s->ping);
            printf("child %d\n", i);
            fflush(stdout);
            s->turns++;
            sem_post(&s->pong);
        }
        exit(0);
    }
    for (int i = 0; i < 3; i++) {
        printf("parent %d\n", i);
        fflush(stdout);
        sem_post(&s->ping);
        sem_wait(&s->pong);
    }
    wait(NULL);
    printf("turns %d\n", s->turns);

    sem_t local;
    int v = -1;
    printf("init %d\n", sem_init(&local, 0, 2));
    sem_getvalue(&local, &v);
    printf("value %d\n", v);
    printf("trywait %d %d\n", sem_trywait(&local), sem_trywait(&local));
    int r = sem_trywait(&local);
    printf("trywait at 0: %d %s\n", r, strerror(errno));
    sem_t full;
    sem_init(&full, 0, SEM_VALUE_MAX);
    r = sem_post(&full);
    printf("post at max: %d %s\n", r, strerror(errno));
    r = sem_init(&full, 0, (unsigned)SEM_VALUE_MAX + 1);
    printf("init past max: %d %s\n", r, strerror(errno));
    printf("destroy %d\n", sem_destroy(&local));

    sem_unlink("/ipcsim_diff_148");
    sem_t *a = sem_open("/ipcsim_diff_148", O_CREAT | O_EXCL, 0600, 5);
    printf("open %s\n", a == SEM_FAILED ? "failed" : "ok");
    sem_t *b = sem_open("/ipcsim_diff_148", O_CREAT | O_EXCL, 0600, 1);
    printf("exclusive again: %s %s\n", b == SEM_FAILED ? "SEM_FAILED" : "ok", strerror(errno));
    sem_t *c = sem_open("/ipcsim_diff_148", O_CREAT, 0600, 1);
    printf("same pointer: %d\n", c == a);
    sem_getvalue(c, &v);
    printf("named value %d\n", v);
    fflush(stdout);
    if (fork() == 0) {
        sem_t *d = sem_open("/ipcsim_diff_148", 0);
        sem_wait(d);
        sem_post(d);
        sem_post(d);
        exit(0);
    }
    wait(NULL);
    sem_getvalue(a, &v);
    printf("after the child %d\n", v);
    printf("close %d\n", sem_close(a));
    printf("unlink %d\n", sem_unlink("/ipcsim_diff_148"));
    sem_t *gone = sem_open("/ipcsim_diff_148", 0);
    printf("reopen %s %s\n", gone == SEM_FAILED ? "SEM_FAILED" : "ok", strerror(errno));
    r = sem_unlink("/ipcsim_diff_148");
    printf("unlink again %d %s\n", r, strerror(errno));
    return 0;
}
