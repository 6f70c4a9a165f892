/* The lost wake-up of pause(): the parent waits for its child's signal
   with `while (!ready) pause();`. If SIGUSR1 arrives after the check and
   before pause() starts waiting, the handler sets the flag too late:
   pause() then waits for a signal that has already come, for ever.
   Natively the window is a few instructions wide and the program almost
   always works; ipcsim finds the schedule that hangs. The fix is
   sigsuspend with the signal blocked (see sigchld_reaper.c).
   Not schedule-independent: usually "child is ready", sometimes a hang. */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t ready;

static void on_usr1(int sig)
{
    (void)sig;
    ready = 1;
}

int main(void)
{
    signal(SIGUSR1, on_usr1);
    pid_t parent = getpid();
    pid_t child = fork();
    if (child == 0) {
        kill(parent, SIGUSR1);
        _exit(0);
    }
    while (!ready)
        pause();
    printf("child is ready\n");
    waitpid(child, NULL, 0);
    return 0;
}
