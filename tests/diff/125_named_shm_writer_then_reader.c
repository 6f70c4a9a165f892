/* Named shared memory: child 1 creates and fills "/ipcsim_diff_125" and exits; after waiting for it, child 2 opens the same name, reads, writes an answer; the parent reads the answer and unlinks. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define NAME "/ipcsim_diff_125"

struct board {
    int count;
    int values[16];
    char note[32];
    long answer;
};

int main(void) {
    shm_unlink(NAME);
    pid_t w = fork();
    if (w == 0) {
        int fd = shm_open(NAME, O_CREAT | O_EXCL | O_RDWR, 0600);
        if (fd < 0) {
            perror("writer shm_open");
            exit(1);
        }
        if (ftruncate(fd, sizeof(struct board)) < 0) {
            perror("ftruncate");
            exit(1);
        }
        struct board *b = mmap(NULL, sizeof(struct board), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        close(fd);
        b->count = 12;
        for (int i = 0; i < b->count; i++)
            b->values[i] = (i + 1) * (i + 1);
        strcpy(b->note, "squares");
        munmap(b, sizeof(struct board));
        exit(0);
    }
    int st;
    waitpid(w, &st, 0);
    printf("writer exited %d\n", WEXITSTATUS(st));
    pid_t r = fork();
    if (r == 0) {
        int fd = shm_open(NAME, O_RDWR, 0);
        if (fd < 0) {
            perror("reader shm_open");
            exit(1);
        }
        struct board *b = mmap(NULL, sizeof(struct board), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        close(fd);
        long s = 0;
        for (int i = 0; i < b->count; i++)
            s += b->values[i];
        printf("reader: %d %s, sum %ld\n", b->count, b->note, s);
        fflush(stdout);
        b->answer = s;
        exit(0);
    }
    waitpid(r, &st, 0);
    printf("reader exited %d\n", WEXITSTATUS(st));
    int fd = shm_open(NAME, O_RDONLY, 0);
    struct board *b = mmap(NULL, sizeof(struct board), PROT_READ, MAP_SHARED, fd, 0);
    printf("parent sees answer %ld\n", b->answer);
    close(fd);
    printf("shm_unlink -> %d\n", shm_unlink(NAME));
    printf("again -> %d\n", shm_unlink(NAME));
    perror("shm_unlink");
    return 0;
}
