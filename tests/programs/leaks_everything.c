/* Leaves behind one of each: a shm object, a named semaphore, a queue, a
   socket file and a zombie child (tests/it/detect.rs). */
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
int main(void) {
    int fd = shm_open("/leaky", O_CREAT | O_RDWR, 0600);
    sem_t *s = sem_open("/leaky_sem", O_CREAT, 0600, 1);
    mqd_t q = mq_open("/leaky_q", O_CREAT | O_RDWR, 0600, NULL);
    int so = socket(AF_UNIX, SOCK_STREAM, 0);
    struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX; strcpy(a.sun_path, "leaky.sock");
    bind(so, (struct sockaddr *)&a, sizeof a);
    if (fork() == 0) return 0;
    sleep(1);
    (void)fd; (void)s; (void)q;
    return 0;
}
