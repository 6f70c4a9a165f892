/* File status flags and offsets belong to the open file description: O_NONBLOCK set by a child is seen by the parent and by a dup; an shm descriptor's offset is shared across fork; F_GETFL of pipe ends and of an shm_open descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_142"

int main(void) {
    int fd[2];
    pipe(fd);
    printf("pipe F_GETFL: read end %#x, write end %#x\n", fcntl(fd[0], F_GETFL), fcntl(fd[1], F_GETFL));
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        fcntl(fd[0], F_SETFL, fcntl(fd[0], F_GETFL) | O_NONBLOCK);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    int d = dup(fd[0]);
    printf("after the child set O_NONBLOCK: parent %#x, dup %#x\n", fcntl(fd[0], F_GETFL), fcntl(d, F_GETFL));
    char b;
    errno = 0;
    ssize_t n = read(d, &b, 1);
    printf("read on the empty pipe -> %zd (%s)\n", n, strerror(errno));

    shm_unlink(NAME);
    int s = shm_open(NAME, O_CREAT | O_RDWR, 0600);
    printf("shm F_GETFL & 3: %d\n", fcntl(s, F_GETFL) & 3);
    printf("shm F_GETFL: %#x\n", fcntl(s, F_GETFL));
    write(s, "abc", 3);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        write(s, "def", 3);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    write(s, "ghi", 3);
    char *p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, s, 0);
    printf("object holds: %.9s\n", p);
    int s2 = shm_open(NAME, O_RDONLY, 0);
    char r[4] = {0};
    read(s2, r, 3);
    printf("parent read %s\n", r);
    fflush(stdout);
    c = fork();
    if (c == 0) {
        read(s2, r, 3);
        printf("child read %s\n", r);
        fflush(stdout);
        _exit(0);
    }
    waitpid(c, NULL, 0);
    read(s2, r, 3);
    printf("parent read %s\n", r);
    printf("then read -> %zd\n", read(s2, r, 3));
    shm_unlink(NAME);
    return 0;
}
