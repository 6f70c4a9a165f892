/* C11's <stdnoreturn.h> and <stdalign.h> spellings (`noreturn`,
   `alignof`) and gcc's branch hint `__builtin_expect` behind the usual
   `likely`/`unlikely` macros, around a pipe. */
#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>
#include <sys/wait.h>
#include <unistd.h>

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

struct pair {
    char c;
    double d;
};

static noreturn void die(const char *what)
{
    perror(what);
    exit(1);
}

int main(void)
{
    printf("%zu %zu %zu %d\n", alignof(char), alignof(double), alignof(struct pair), __alignof_is_defined);
    int fd[2];
    if (unlikely(pipe(fd) < 0))
        die("pipe");
    pid_t pid = fork();
    if (unlikely(pid < 0))
        die("fork");
    if (pid == 0) {
        close(fd[0]);
        int v = 41;
        if (likely(write(fd[1], &v, sizeof v) == sizeof v))
            _exit(0);
        _exit(2);
    }
    close(fd[1]);
    int v = 0;
    if (likely(read(fd[0], &v, sizeof v) == sizeof v))
        printf("got %d\n", v + 1);
    int status;
    waitpid(pid, &status, 0);
    printf("child %d, expect %ld\n", WEXITSTATUS(status), __builtin_expect(7L, 7L));
    return 0;
}
