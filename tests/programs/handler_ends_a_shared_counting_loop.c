/* The child counts in shared memory until its SIGUSR1 handler sets a
   private flag: only shared accesses until the signal comes. */
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile sig_atomic_t stop;
static void on(int s) { (void)s; stop = 1; }
int main(void) {
    long *count = mmap(NULL, sizeof *count, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    signal(SIGUSR1, on);
    pid_t c = fork();
    if (c == 0) {
        while (!stop)
            (*count)++;
        _exit(0);
    }
    while (*count < 1000)
        ;
    kill(c, SIGUSR1);
    int st;
    waitpid(c, &st, 0);
    printf("child stopped: %d\n", WIFEXITED(st) && WEXITSTATUS(st) == 0);
    return 0;
}
