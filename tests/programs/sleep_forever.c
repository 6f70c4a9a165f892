/* A parent spins while its child sleeps in a loop, holding a named shm
   object (the test replaces the name with a unique one). */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    int fd = shm_open("/SHM_NAME", O_CREAT | O_RDWR, 0600);
    ftruncate(fd, 4096);
    if (fork() == 0) {
        for (;;)
            sleep(1);
    }
    for (;;)
        ;
}
