/* Producer/consumer over a bounded buffer in an anonymous shared mapping,
   with three unnamed POSIX semaphores (sem_init with pshared = 1): empty,
   full and a mutex. Two producers, one consumer; the consumer prints only
   the totals. */
#include <stdio.h>
#include <stdlib.h>
#include <semaphore.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/wait.h>

#define SLOTS 4
#define PER_PRODUCER 12
#define NPROD 2

struct shared {
    sem_t empty, full, mutex;
    int buf[SLOTS];
    int in, out;
};

int main(void)
{
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) { perror("mmap"); return 1; }
    sem_init(&s->empty, 1, SLOTS);
    sem_init(&s->full, 1, 0);
    sem_init(&s->mutex, 1, 1);
    s->in = s->out = 0;

    for (int p = 0; p < NPROD; p++) {
        if (fork() == 0) {
            for (int i = 1; i <= PER_PRODUCER; i++) {
                sem_wait(&s->empty);
                sem_wait(&s->mutex);
                s->buf[s->in] = (p + 1) * 100 + i;
                s->in = (s->in + 1) % SLOTS;
                sem_post(&s->mutex);
                sem_post(&s->full);
            }
            _exit(0);
        }
    }
    pid_t cons = fork();
    if (cons == 0) {
        int sum = 0, count = 0, from[NPROD] = {0};
        for (int i = 0; i < NPROD * PER_PRODUCER; i++) {
            sem_wait(&s->full);
            sem_wait(&s->mutex);
            int v = s->buf[s->out];
            s->out = (s->out + 1) % SLOTS;
            sem_post(&s->mutex);
            sem_post(&s->empty);
            sum += v; count++;
            from[v / 100 - 1]++;
        }
        printf("consumer: %d items, sum %d, from producer 1: %d, from producer 2: %d\n",
               count, sum, from[0], from[1]);
        _exit(0);
    }
    while (wait(NULL) > 0)
        ;
    int v;
    sem_getvalue(&s->empty, &v);
    printf("empty slots at the end: %d\n", v);
    sem_getvalue(&s->full, &v);
    printf("full slots at the end: %d\n", v);
    sem_destroy(&s->empty); sem_destroy(&s->full); sem_destroy(&s->mutex);
    munmap(s, sizeof *s);
    return 0;
}
