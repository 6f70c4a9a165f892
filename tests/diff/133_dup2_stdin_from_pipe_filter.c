/* A filter child gets a pipe's read end as its standard input with dup2 and another pipe as its stdout; it upper-cases fd 0 to fd 1 until EOF; the parent feeds it, closes, and reads the result back. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int in[2], out[2];
    pipe(in);
    pipe(out);
    pid_t c = fork();
    if (c == 0) {
        dup2(in[0], STDIN_FILENO);
        dup2(out[1], STDOUT_FILENO);
        close(in[0]);
        close(in[1]);
        close(out[0]);
        close(out[1]);
        char buf[16];
        ssize_t n;
        long total = 0;
        while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
            for (ssize_t i = 0; i < n; i++)
                buf[i] = toupper((unsigned char)buf[i]);
            write(STDOUT_FILENO, buf, n);
            total += n;
        }
        printf("[filter saw %ld bytes]\n", total);
        exit(0);
    }
    close(in[0]);
    close(out[1]);
    const char *lines[] = {"the quick brown fox\n", "jumps over 13 lazy dogs\n", "end of input.\n"};
    for (int i = 0; i < 3; i++)
        write(in[1], lines[i], strlen(lines[i]));
    close(in[1]);
    char res[256];
    size_t got = 0;
    ssize_t n;
    while ((n = read(out[0], res + got, sizeof res - 1 - got)) > 0)
        got += n;
    res[got] = 0;
    int st;
    waitpid(c, &st, 0);
    printf("filter exited %d, output %zu bytes:\n%s", WEXITSTATUS(st), got, res);
    return 0;
}
