/* A SIGCHLD handler that reaps with waitpid(-1, &st, WNOHANG) in a loop (several exits may
   coalesce into one signal), while the parent keeps SIGCHLD blocked except inside
   sigsuspend: the race-free pattern. Five children exit with different codes in any
   order (and one is killed); the codes are printed sorted, and a final wait is ECHILD. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define N 6
static volatile sig_atomic_t reaped;
static int codes[N];
static void on_chld(int sig) {
    (void)sig;
    int saved = errno, st;
    pid_t p;
    while ((p = waitpid(-1, &st, WNOHANG)) > 0)
        codes[reaped++] = WIFEXITED(st) ? WEXITSTATUS(st) : 100 + WTERMSIG(st);
    errno = saved;
}
static int by_value(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }

int main(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_chld;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART | SA_NOCLDSTOP;
    sigaction(SIGCHLD, &sa, NULL);
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGCHLD);
    sigprocmask(SIG_BLOCK, &block, &old);

    int exits[N] = {42, 7, 0, 13, 99, -1};
    for (int i = 0; i < N; i++) {
        fflush(stdout);
        pid_t pid = fork();
        if (pid < 0) { perror("fork"); return 1; }
        if (pid == 0) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            if (exits[i] < 0)
                raise(SIGTERM);
            _exit(exits[i]);
        }
    }
    int rounds = 0;
    while (reaped < N) {
        sigsuspend(&old);
        rounds++;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    qsort(codes, N, sizeof codes[0], by_value);
    printf("reaped %d in %s sigsuspend round(s):", (int)reaped, rounds >= 1 && rounds <= N ? "1..6" : "??");
    for (int i = 0; i < N; i++)
        printf(" %d", codes[i]);
    printf("\n");
    errno = 0;
    pid_t w = wait(NULL);
    printf("wait -> %d %s\n", (int)w, strerror(errno));
    return 0;
}
