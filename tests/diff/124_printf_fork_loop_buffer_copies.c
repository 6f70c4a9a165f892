/* printf before fork without fflush, in a loop: each process inherits the unflushed buffer, so the lines multiply; each parent waits for its child at once, so the order is fixed. The second half flushes before each fork and prints each line once. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void run(int flush) {
    char path[8] = "";
    int len = 0;
    for (int i = 0; i < 3; i++) {
        printf("%s i=%d path=[%s]\n", flush ? "flushed" : "buffered", i, path);
        if (flush)
            fflush(stdout);
        pid_t p = fork();
        path[len++] = p == 0 ? 'c' : 'p';
        path[len] = 0;
        if (p > 0)
            waitpid(p, NULL, 0);
    }
    printf("end [%s]\n", path);
    if (len == 3 && path[0] == 'p' && path[1] == 'p' && path[2] == 'p')
        return;
    exit(0);
}

int main(void) {
    run(0);
    fflush(stdout);
    run(1);
    return 0;
}
