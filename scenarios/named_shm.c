/* Named shared memory between two processes (the lecture's shm_open,
   ftruncate, mmap): the child opens the object by name and writes a
   message; the parent waits for it, reads the message, and unlinks.
   schedule-independent: wait() orders the write before the read. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_named_shm_demo"
#define SIZE 4096

int main(void) {
    int fd = shm_open(NAME, O_CREAT | O_RDWR, 0666);
    if (fd < 0) {
        perror("shm_open");
        return 1;
    }
    ftruncate(fd, SIZE);
    char *ptr = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (fork() == 0) {
        int cfd = shm_open(NAME, O_RDWR, 0666);
        char *cptr = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, cfd, 0);
        strcpy(cptr, "hello from the child");
        munmap(cptr, SIZE);
        close(cfd);
        return 0;
    }
    wait(NULL);
    printf("parent read: %s\n", ptr);
    munmap(ptr, SIZE);
    shm_unlink(NAME);
    return 0;
}
