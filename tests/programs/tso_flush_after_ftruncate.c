/* A child's store waits in its store buffer while the parent shrinks the
   object under it: when it drains, its page is gone, and the bytes with it
   (no fault: the store was made while the page was mapped). */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int fd = shm_open("/ipcsim_tso_truncated", O_CREAT | O_RDWR, 0600);
    shm_unlink("/ipcsim_tso_truncated");
    if (ftruncate(fd, 8192) != 0)
        return 2;
    char *p = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (fork() == 0) {
        p[5000] = 1;
        _exit(0);
    }
    if (ftruncate(fd, 1) != 0)
        return 3;
    wait(0);
    return 0;
}
