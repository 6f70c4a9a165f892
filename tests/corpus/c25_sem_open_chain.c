/* Named POSIX semaphores impose an order on four children: child i waits
   on semaphore i and posts semaphore i+1, so they print 0,1,2,3 even
   though they were forked in reverse order. Names carry the program name
   and are unlinked at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <semaphore.h>
#include <unistd.h>
#include <sys/wait.h>

#define N 4

int main(void)
{
    sem_t *sem[N + 1];
    char name[32];
    for (int i = 0; i <= N; i++) {
        snprintf(name, sizeof name, "/c25_chain_%d", i);
        sem_unlink(name);
        sem[i] = sem_open(name, O_CREAT | O_EXCL, 0600, i == 0 ? 1 : 0);
        if (sem[i] == SEM_FAILED) { perror("sem_open"); return 1; }
    }
    for (int i = N - 1; i >= 0; i--) {
        if (fork() == 0) {
            sem_wait(sem[i]);
            printf("child %d has the turn\n", i);
            fflush(stdout);
            sem_post(sem[i + 1]);
            for (int k = 0; k <= N; k++) sem_close(sem[k]);
            _exit(0);
        }
    }
    sem_wait(sem[N]);
    printf("parent: all %d children done\n", N);
    while (wait(NULL) > 0)
        ;
    snprintf(name, sizeof name, "/c25_chain_%d", 0);
    sem_t *again = sem_open(name, 0);
    printf("reopen gives the same pointer: %d\n", again == sem[0]);
    int v;
    sem_getvalue(again, &v);
    printf("value of sem 0: %d\n", v);
    for (int i = 0; i <= N; i++) {
        sem_close(sem[i]);
        snprintf(name, sizeof name, "/c25_chain_%d", i);
        sem_unlink(name);
    }
    return 0;
}
