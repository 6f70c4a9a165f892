/* The child waits in `while (!got) ;` on a private flag its SIGUSR1
   handler sets: no visible operation until the signal comes. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile sig_atomic_t got;
static void on(int s) { (void)s; got = 1; }
int main(void) {
    signal(SIGUSR1, on);
    pid_t c = fork();
    if (c == 0) {
        while (!got)
            ;
        printf("child got it\n");
        return 0;
    }
    usleep(20000);
    kill(c, SIGUSR1);
    waitpid(c, NULL, 0);
    return 0;
}
