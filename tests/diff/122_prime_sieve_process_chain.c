/* McIlroy's concurrent prime sieve: each process prints its first number (a prime), forks the next filter and passes on the non-multiples; printing is ordered by the pipes, and each stage waits for the next. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void filter(int in) {
    for (;;) {
        int prime;
        if (read(in, &prime, sizeof prime) != (ssize_t)sizeof prime) {
            printf("end of chain\n");
            fflush(stdout);
            exit(0);
        }
        printf("prime %d\n", prime);
        fflush(stdout);
        int fd[2];
        pipe(fd);
        pid_t p = fork();
        if (p == 0) {
            close(fd[1]);
            close(in);
            in = fd[0];
            continue;
        }
        close(fd[0]);
        int n;
        while (read(in, &n, sizeof n) == (ssize_t)sizeof n)
            if (n % prime != 0)
                write(fd[1], &n, sizeof n);
        close(fd[1]);
        close(in);
        int st;
        waitpid(p, &st, 0);
        exit(WEXITSTATUS(st) + 1);
    }
}

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t p = fork();
    if (p == 0) {
        close(fd[1]);
        filter(fd[0]);
    }
    close(fd[0]);
    for (int n = 2; n <= 60; n++)
        write(fd[1], &n, sizeof n);
    close(fd[1]);
    int st;
    waitpid(p, &st, 0);
    printf("chain of %d filters\n", WEXITSTATUS(st));
    return 0;
}
