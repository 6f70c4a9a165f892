#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Creates and removes a 256 MiB shm object 40 times, touching one byte of
   each: on Linux at most one object exists at a time. */
int main(void) {
    for (int k = 0; k < 40; k++) {
        int fd = shm_open("/leak", O_CREAT | O_RDWR, 0600);
        if (fd < 0 || ftruncate(fd, 256 << 20) != 0) {
            printf("failed at %d\n", k);
            return 1;
        }
        char *p = mmap(0, 256 << 20, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        p[0] = 1;
        munmap(p, 256 << 20);
        close(fd);
        shm_unlink("/leak");
    }
    printf("done\n");
    return 0;
}
