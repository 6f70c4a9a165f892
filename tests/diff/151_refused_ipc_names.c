/* Names glibc or the kernel refuse, for every named object: each call
   fails with the errno glibc and Linux give (the real backend once
   returned the errno as if it were a descriptor); glibc's unlinks report
   a name it refuses as absent. */
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <sys/mman.h>

int main(void) {
    int r = shm_open("/a/b", O_CREAT | O_RDWR, 0600);
    printf("shm_open /a/b: %d %d\n", r, r < 0 ? errno : 0);
    r = shm_open("", O_CREAT | O_RDWR, 0600);
    printf("shm_open empty: %d %d\n", r, r < 0 ? errno : 0);
    r = shm_unlink("/a/b");
    printf("shm_unlink /a/b: %d %d\n", r, r < 0 ? errno : 0);
    mqd_t q = mq_open("noslash", O_CREAT | O_RDWR, 0600, NULL);
    printf("mq_open noslash: %d %d\n", (int)q, q < 0 ? errno : 0);
    q = mq_open("/a/b", O_CREAT | O_RDWR, 0600, NULL);
    printf("mq_open /a/b: %d %d\n", (int)q, q < 0 ? errno : 0);
    sem_t *s = sem_open("/a/b", O_CREAT, 0600, 1);
    printf("sem_open /a/b: %s %d\n", s == SEM_FAILED ? "SEM_FAILED" : "ok", s == SEM_FAILED ? errno : 0);
    r = sem_unlink("/a/b");
    printf("sem_unlink /a/b: %d %d\n", r, r < 0 ? errno : 0);
    r = shm_unlink("");
    printf("shm_unlink empty: %d %d\n", r, r < 0 ? errno : 0);
    r = mq_unlink("/a/b");
    printf("mq_unlink /a/b: %d %d\n", r, r < 0 ? errno : 0);
    return 0;
}
