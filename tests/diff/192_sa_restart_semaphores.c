/* Which semaphore waits SA_RESTART restarts (signal(7), measured on Linux): a SIGALRM
   handler posts the semaphore the process is blocked on. sem_wait returns -1 EINTR
   without SA_RESTART and is restarted (returns 0, taking the post) with it; sem_timedwait
   and System V semop fail with EINTR even under SA_RESTART, leaving the post behind. */
#include <errno.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <time.h>
#include <unistd.h>

static sem_t sem;
static int semid;
static volatile sig_atomic_t fired, sysv;
static void on_alarm(int sig) {
    (void)sig;
    fired++;
    if (sysv) {
        struct sembuf up = {0, 1, 0};
        semop(semid, &up, 1);
    } else {
        sem_post(&sem);
    }
}
static void install(int flags) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = flags;
    sigaction(SIGALRM, &sa, NULL);
}
static void show(const char *what, int r, int e) {
    int v = -1;
    sem_getvalue(&sem, &v);
    printf("%-28s -> %d %-24s sem value %d, fired %d\n", what, r, r < 0 ? strerror(e) : "", v, (int)fired);
    while (sem_trywait(&sem) == 0)
        ;
}

int main(void) {
    sem_init(&sem, 0, 0);
    install(0);
    alarm(1);
    int r = sem_wait(&sem);
    show("sem_wait", r, errno);
    install(SA_RESTART);
    alarm(1);
    r = sem_wait(&sem);
    show("sem_wait, SA_RESTART", r, errno);
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += 30;
    alarm(1);
    r = sem_timedwait(&sem, &until);
    show("sem_timedwait, SA_RESTART", r, errno);

    semid = semget(IPC_PRIVATE, 1, 0600);
    if (semid < 0) { perror("semget"); return 1; }
    sysv = 1;
    struct sembuf down = {0, -1, 0};
    alarm(1);
    r = semop(semid, &down, 1);
    int e = errno;
    printf("semop, SA_RESTART -> %d %s, semval %d, fired %d\n", r, r < 0 ? strerror(e) : "", semctl(semid, 0, GETVAL), (int)fired);
    semctl(semid, 0, IPC_RMID);
    return 0;
}
