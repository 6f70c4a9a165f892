#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
volatile sig_atomic_t got = 0;
void h(int sig) { got = 1; }
int main(void) {
    int *s = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    sigset_t m, old;
    sigemptyset(&m); sigaddset(&m, SIGUSR1);
    signal(SIGUSR1, h);
    sigprocmask(SIG_BLOCK, &m, &old);
    pid_t p = fork();
    if (p == 0) { *s = 42; kill(getppid(), SIGUSR1); exit(0); }
    while (!got) sigsuspend(&old);
    printf("%d\n", *s);
    wait(NULL);
    return 0;
}
