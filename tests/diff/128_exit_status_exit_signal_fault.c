/* Decoding wait statuses: return from main, exit from a nested call, _exit, a failed assert's SIGABRT, a null dereference's SIGSEGV and a division by zero's SIGFPE in children. */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void inner(int code) {
    exit(code);
}

static int depth(int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += i;
    inner(s - 3);
    return s;
}

static void report(const char *what, int st) {
    if (WIFEXITED(st))
        printf("%-10s exited, status %d\n", what, WEXITSTATUS(st));
    else if (WIFSIGNALED(st))
        printf("%-10s killed by signal %d\n", what, WTERMSIG(st));
    else
        printf("%-10s ?\n", what);
}

int main(void) {
    int st;
    volatile int zero = 0;
    int *volatile nowhere = NULL;
    for (int k = 0; k < 6; k++) {
        pid_t p = fork();
        if (p == 0) {
            switch (k) {
            case 0:
                return 5;
            case 1:
                depth(10); /* exit(42) */
                break;
            case 2:
                _exit(-2);
            case 3:
                assert(zero == 1);
                break;
            case 4:
                *nowhere = 1;
                break;
            case 5:
                printf("%d\n", 10 / zero);
                break;
            }
            exit(0);
        }
        waitpid(p, &st, 0);
        const char *names[] = {"return 5", "exit(42)", "_exit(-2)", "assert", "null", "div zero"};
        report(names[k], st);
    }
    return 0;
}
