/* A socket bound to /dev/shm/hsx and the POSIX shm object "/hsx" are the same file on Linux: shm_open("/hsx", O_CREAT|O_EXCL) fails with EEXIST, shm_open("/hsx", O_RDWR) with ENXIO, and binding /dev/shm/sem.hsx over a named semaphore fails with EADDRINUSE. ipcsim keeps them apart: all succeed. Likewise ftok("/dev/shm/hsx") of an existing shm object fails with ENOENT and connect() to a shm object path gives ENOENT instead of ECONNREFUSED. Run: ipcsim run socket_file_in_dev_shm_vs_shm_open.c */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/mman.h>
#include <semaphore.h>
int main(void) {
    int s = socket(AF_UNIX, SOCK_STREAM, 0), r;
    struct sockaddr_un a; memset(&a, 0, sizeof a); a.sun_family = AF_UNIX;
    strcpy(a.sun_path, "/dev/shm/hsx");
    r = bind(s, (struct sockaddr*)&a, sizeof a); printf("bind %d\n", r);
    errno = 0; int fd = shm_open("/hsx", O_CREAT|O_EXCL|O_RDWR, 0600); printf("shm_open excl %d %d\n", fd >= 0, errno);
    errno = 0; fd = shm_open("/hsx", O_RDWR, 0600); printf("shm_open %d %d\n", fd >= 0, errno);
    sem_t *sem = sem_open("/hsx", O_CREAT, 0600, 1);
    strcpy(a.sun_path, "/dev/shm/sem.hsx");
    int s2 = socket(AF_UNIX, SOCK_STREAM, 0);
    errno = 0; r = bind(s2, (struct sockaddr*)&a, sizeof a); printf("bind over sem %d %d\n", r, errno);
    shm_unlink("/hsx"); unlink("/dev/shm/hsx"); sem_unlink("/hsx"); unlink("/dev/shm/sem.hsx");
    return 0;
}
