/* A parent and its child both spin for ever, holding a named shm object
   (the name is replaced by the test with a unique one): only ipcsim's
   timeout, or ending ipcsim, stops them. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    int fd = shm_open("/SHM_NAME", O_CREAT | O_RDWR, 0600);
    ftruncate(fd, 4096);
    if (fork() == 0) {
        for (;;)
            ;
    }
    for (;;)
        ;
}
