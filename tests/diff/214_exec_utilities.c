/* the built-in utilities exec runs, against GNU coreutils and grep: echo,
   cat (and its error for a missing file), wc (one count, all counts, a file,
   standard input, two files with a total), sort (-r -n -u), head and tail
   (-n N, -N), tr (ranges, -d), grep (-v -c -n, no match, a missing file),
   true and false; each runs in a child whose exit status is printed */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void put(const char *name, const char *text) {
    FILE *f = fopen(name, "w");
    fputs(text, f);
    fclose(f);
}

/* Runs argv (NULL-terminated) with standard input from `in` (NULL: none). */
static void run(const char *in, char *const argv[]) {
    fflush(stdout);
    pid_t c = fork();
    if (c == 0) {
        if (in) {
            int fd = open(in, O_RDONLY);
            dup2(fd, 0);
            close(fd);
        }
        dup2(1, 2);
        execvp(argv[0], argv);
        perror("execvp");
        _exit(127);
    }
    int st;
    waitpid(c, &st, 0);
    printf("-- %s: status %d\n", argv[0], WEXITSTATUS(st));
}

#define RUN(in, ...)                                  \
    do {                                              \
        char *argv_[] = {__VA_ARGS__, NULL};          \
        run(in, argv_);                               \
    } while (0)

int main(void) {
    put("fruit.txt", "pear\napple\nfig\napple\nbanana\ncherry\n");
    put("nums.txt", "10\n9\n100\n-3\n42\n");
    put("text.txt", "the quick brown fox\n  jumps over\n\nthe lazy dog");
    RUN(NULL, "echo", "hello", "world");
    RUN(NULL, "echo", "-n", "no newline");
    printf("\n");
    RUN(NULL, "cat", "fruit.txt", "nums.txt");
    RUN(NULL, "cat", "missing.txt");
    RUN("text.txt", "cat");
    RUN(NULL, "wc", "text.txt");
    RUN(NULL, "wc", "-l", "fruit.txt");
    RUN("fruit.txt", "wc", "-l");
    RUN("text.txt", "wc");
    RUN("text.txt", "wc", "-w", "-c");
    RUN(NULL, "wc", "fruit.txt", "nums.txt");
    RUN(NULL, "sort", "fruit.txt");
    RUN(NULL, "sort", "-r", "fruit.txt");
    RUN(NULL, "sort", "-n", "nums.txt");
    RUN("fruit.txt", "sort", "-u");
    RUN(NULL, "head", "-n", "2", "fruit.txt");
    RUN("fruit.txt", "head", "-3");
    RUN(NULL, "tail", "-n", "2", "fruit.txt");
    RUN("text.txt", "tail", "-1");
    RUN("text.txt", "tr", "a-z", "A-Z");
    RUN("fruit.txt", "tr", "-d", "aeiou");
    RUN(NULL, "grep", "apple", "fruit.txt");
    RUN(NULL, "grep", "-v", "a", "fruit.txt");
    RUN(NULL, "grep", "-c", "an", "fruit.txt");
    RUN("fruit.txt", "grep", "-n", "e");
    RUN(NULL, "grep", "kiwi", "fruit.txt");
    RUN(NULL, "grep", "kiwi", "nofile.txt");
    RUN(NULL, "true");
    RUN(NULL, "false");
    unlink("fruit.txt");
    unlink("nums.txt");
    unlink("text.txt");
    return 0;
}
