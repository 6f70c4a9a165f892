/* Job control between a parent and its children: SIGSTOP and SIGTSTP
   stop a child, waitpid(WUNTRACED) reports it (WIFSTOPPED, WSTOPSIG),
   a plain WNOHANG wait does not, SIGCONT resumes it and
   waitpid(WCONTINUED) reports that once; a child that stops itself with
   raise(SIGSTOP) goes on where it stopped; SIGKILL ends a stopped child. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void report(const char *what, pid_t c, int options) {
    int st = 0;
    pid_t r = waitpid(c, &st, options);
    if (r == 0)
        printf("%s: nothing to report\n", what);
    else if (WIFSTOPPED(st))
        printf("%s: stopped by %d\n", what, WSTOPSIG(st));
    else if (WIFCONTINUED(st))
        printf("%s: continued\n", what);
    else if (WIFSIGNALED(st))
        printf("%s: killed by %d\n", what, WTERMSIG(st));
    else if (WIFEXITED(st))
        printf("%s: exited %d\n", what, WEXITSTATUS(st));
}

int main(void) {
    int fd[2];
    pipe(fd);
    pid_t c = fork();
    if (c == 0) {
        close(fd[0]);
        for (;;)
            pause();
    }
    kill(c, SIGSTOP);
    report("after SIGSTOP", c, WUNTRACED);
    report("plain WNOHANG", c, WNOHANG);
    kill(c, SIGCONT);
    report("after SIGCONT", c, WCONTINUED);
    report("again", c, WCONTINUED | WNOHANG);
    kill(c, SIGTSTP);
    report("after SIGTSTP", c, WUNTRACED);
    kill(c, SIGKILL);
    report("after SIGKILL", c, 0);

    fflush(stdout);
    pid_t d = fork();
    if (d == 0) {
        raise(SIGSTOP);
        printf("child: going on after SIGCONT\n");
        fflush(stdout);
        exit(4);
    }
    report("self-stopped", d, WUNTRACED);
    kill(d, SIGCONT);
    report("self-stopped child", d, 0);
    close(fd[0]);
    close(fd[1]);
    return 0;
}
