/* Classic puzzles about fork and stdio: text printed before fork without
   a flush (stdout is a pipe/file here, so fully buffered, newline or
   not) is still in the buffer and comes out twice; fflush before fork
   prevents it; a child that leaves with _exit drops its copy; exit()
   and returning from main flush. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

static int finish(const char *who, int use_exit)
{
    printf("%s leaves with %s\n", who, use_exit ? "exit" : "_exit");
    if (use_exit) exit(0);
    _exit(0);
}

int main(void)
{
    printf("A: buffered before fork\n");
    pid_t pid = fork();
    if (pid == 0) finish("child 1", 1);       /* prints A again, then its line */
    waitpid(pid, NULL, 0);
    printf("parent continues\n");

    fflush(stdout);
    printf("B: flushed before fork\n");
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        printf("child 2 flushes by hand\n");
        fflush(stdout);
        finish("child 2", 0);                 /* this last line is lost */
    }
    waitpid(pid, NULL, 0);

    printf("C: lost by _exit: ");
    pid = fork();
    if (pid == 0) _exit(0);
    waitpid(pid, NULL, 0);
    printf("only the parent's copy\n");

    int n = 0;
    for (int i = 0; i < 4; i++) {
        pid = fork();
        if (pid == 0) {
            if (i % 2) exit(i);               /* flushes C... once more */
            _exit(i);
        }
        int st;
        waitpid(pid, &st, 0);
        n += WEXITSTATUS(st);
    }
    printf("sum of exit codes %d\n", n);
    return 0;
}
