/* A counter kept in a file, which forked children each increment: read
   the number, add one, write it back. Each child holds an exclusive
   flock(2) on its own open of the file around that read-modify-write
   (a lock belongs to the open file description, so each child opens
   the file itself: a description inherited across fork would be shared,
   and its lock with it). No increment is lost. Without the two flock
   calls, two children can read the same number and one update is lost:
   ipcsim finds that schedule. Output schedule-independent: always
   "counter = 4 (expected 4)". */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#define FILE_NAME "counter.txt"
#define CHILDREN 2
#define TIMES 2

static int get(int fd) {
    char b[16] = {0};
    pread(fd, b, sizeof b - 1, 0);
    return atoi(b);
}

int main(void) {
    int fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0644);
    write(fd, "0", 1);
    close(fd);
    for (int c = 0; c < CHILDREN; c++) {
        if (fork() == 0) {
            int mine = open(FILE_NAME, O_RDWR);
            for (int i = 0; i < TIMES; i++) {
                flock(mine, LOCK_EX);
                char b[16];
                int n = snprintf(b, sizeof b, "%d", get(mine) + 1);
                pwrite(mine, b, n, 0);
                flock(mine, LOCK_UN);
            }
            exit(0);
        }
    }
    while (wait(NULL) > 0)
        ;
    fd = open(FILE_NAME, O_RDONLY);
    int total = get(fd);
    printf("counter = %d (expected %d)\n", total, CHILDREN * TIMES);
    unlink(FILE_NAME);
    return total == CHILDREN * TIMES ? 0 : 1;
}
