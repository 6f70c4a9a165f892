/* An uncaught SIGALRM kills: a child arms alarm(1) and waits in pause(); the parent sees
   WIFSIGNALED with WTERMSIG 14. A second child ignores SIGALRM, so its alarm does nothing
   and pause() would never return: the parent ends it with SIGTERM after it reports (through
   a pipe) that the alarm time has passed. Finally the process itself dies of its own alarm
   while blocked reading a pipe nobody writes. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *who, int st) {
    if (WIFSIGNALED(st))
        printf("%s: killed by signal %d\n", who, WTERMSIG(st));
    else
        printf("%s: exit %d\n", who, WEXITSTATUS(st));
}

int main(void) {
    fflush(stdout);
    pid_t a = fork();
    if (a == 0) {
        alarm(1);
        pause();
        _exit(3);
    }
    int st;
    waitpid(a, &st, 0);
    report("default child", st);

    int p[2];
    pipe(p);
    fflush(stdout);
    pid_t b = fork();
    if (b == 0) {
        signal(SIGALRM, SIG_IGN);
        alarm(1);
        sleep(2);
        write(p[1], "s", 1);
        for (;;)
            pause();
    }
    char c;
    read(p[0], &c, 1);
    printf("ignoring child slept through its alarm ('%c')\n", c);
    kill(b, SIGTERM);
    waitpid(b, &st, 0);
    report("ignoring child", st);

    printf("now the parent blocks with an alarm pending\n");
    fflush(stdout);
    close(p[1]);
    pipe(p);
    alarm(1);
    read(p[0], &c, 1);
    printf("not reached\n");
    return 0;
}
