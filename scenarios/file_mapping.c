/* The lecture maps a file: the parent writes a small file, maps it
   MAP_SHARED, and a child changes the mapping; the change reaches the file
   itself, which the parent then reads back with read(), through a second
   descriptor. Every object is removed at the end.
   schedule-independent: the parent reads only after the child is done. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PATH "mapped.txt"

int main(void) {
    int fd = open(PATH, O_CREAT | O_TRUNC | O_RDWR, 0600);
    write(fd, "hello, file\n", 12);
    char *m = mmap(NULL, 12, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd); /* the mapping keeps the file's bytes */
    if (fork() == 0) {
        memcpy(m, "HELLO", 5); /* a store into the file */
        return 0;
    }
    wait(NULL);
    char buf[16] = {0};
    int again = open(PATH, O_RDONLY);
    ssize_t n = read(again, buf, sizeof buf - 1);
    printf("the file now holds %zd bytes: %s", n, buf);
    close(again);
    munmap(m, 12);
    unlink(PATH);
    return 0;
}
