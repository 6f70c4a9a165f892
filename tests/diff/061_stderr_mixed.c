/* pins fprintf to stdout and stderr (captured separately), fprintf return value, fflush */
#include <stdio.h>

int main(void)
{
    printf("out 1\n");
    fprintf(stderr, "err 1\n");
    fprintf(stdout, "out 2 via fprintf %d\n", 2);
    int n = fprintf(stderr, "err %s %d\n", "two", 2);
    fprintf(stdout, "fprintf(stderr) returned %d\n", n);
    fflush(stdout);
    for (int i = 0; i < 3; i++) {
        fprintf(i % 2 ? stderr : stdout, "loop %d to %s\n", i, i % 2 ? "stderr" : "stdout");
    }
    fprintf(stderr, "no newline on stderr");
    fprintf(stderr, "\n");
    printf("partial line ");
    fflush(stdout);
    printf("completed\n");
    fprintf(stderr, "%5d|%-5s|%x\n", 42, "ab", 255u);
    fflush(NULL);
    printf("last\n");
    return 0;
}
