/* Shared memory ordered by a pipe: the parent writes a buffer into a MAP_SHARED mapping, then a byte into a pipe; the child reads shared data only after that byte, transforms it in place and answers through a second pipe, for several rounds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct area {
    int round;
    int len;
    char text[64];
};

int main(void) {
    struct area *a = mmap(NULL, sizeof *a, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int go[2], done[2];
    pipe(go);
    pipe(done);
    pid_t c = fork();
    if (c == 0) {
        close(go[1]);
        close(done[0]);
        char t;
        int rounds = 0;
        while (read(go[0], &t, 1) == 1) {
            for (int i = 0, j = a->len - 1; i < j; i++, j--) {
                char x = a->text[i];
                a->text[i] = a->text[j];
                a->text[j] = x;
            }
            a->round = a->round * 10 + rounds;
            rounds++;
            write(done[1], "d", 1);
        }
        exit(rounds);
    }
    close(go[0]);
    close(done[1]);
    const char *words[] = {"fork", "pipeline", "semaphore", "mmap"};
    for (int r = 0; r < 4; r++) {
        strcpy(a->text, words[r]);
        a->len = (int)strlen(words[r]);
        a->round = r + 1;
        write(go[1], "g", 1);
        char t;
        read(done[0], &t, 1);
        printf("round %d: %s -> %s (round field %d)\n", r, words[r], a->text, a->round);
    }
    close(go[1]);
    int st;
    waitpid(c, &st, 0);
    printf("child did %d rounds\n", WEXITSTATUS(st));
    return 0;
}
