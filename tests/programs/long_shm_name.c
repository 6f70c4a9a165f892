/* A valid shm name of 255 characters (NAME_MAX): it works natively, so
   it must work in real with or without a private /dev/shm (where names
   get a per-run prefix). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn"

int main(void) {
    int fd = shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600);
    if (fd < 0) {
        printf("shm_open: errno %d\n", errno);
        return 1;
    }
    ftruncate(fd, 4096);
    char *p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (fork() == 0) {
        int again = shm_open(NAME, O_RDWR, 0);
        char *q = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, again, 0);
        strcpy(q, "through the long name");
        return 0;
    }
    wait(0);
    printf("%s\n", p);
    printf("unlink %d\n", shm_unlink(NAME));
    int reopened = shm_open(NAME, O_RDWR, 0);
    printf("reopen %d errno %d\n", reopened, errno);
    return 0;
}
