/* The built-in utilities' options as course pipelines use them, against
   GNU coreutils: sort by a key (-k2n, -t: -k3,3n), folding case, -u;
   tail -n +N; head -n -N; tr -s, -d and its extra operand; echo -e;
   cat -n and -s; uniq -c, -d, -u; cut -d -f, -c, and without a list;
   unsupported options refused with GNU's message and status. */
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
    put("scores.txt", "carol 10\nalice 3\nbob 25\ndave 3\nerin -4\n");
    put("passwd.txt", "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/sh\nbob:x:999:999::/home/bob:/bin/sh\n");
    put("words.txt", "Banana\napple\nCherry\napple\napple\nbanana\n");
    put("lines.txt", "1\n2\n3\n4\n5\n6\n");
    put("spaced.txt", "a    b  c\n\n\n\nd\n");
    RUN(NULL, "sort", "-k2n", "scores.txt");
    RUN(NULL, "sort", "-k", "2", "-n", "-r", "scores.txt");
    RUN(NULL, "sort", "-t:", "-k3,3n", "passwd.txt");
    RUN(NULL, "sort", "-f", "words.txt");
    RUN(NULL, "sort", "-u", "words.txt");
    RUN(NULL, "sort", "-Q", "words.txt");
    RUN(NULL, "tail", "-n", "+4", "lines.txt");
    RUN(NULL, "tail", "-2", "lines.txt");
    RUN(NULL, "head", "-n", "-4", "lines.txt");
    RUN("spaced.txt", "tr", "-s", " ");
    RUN("words.txt", "tr", "-d", "aeiou");
    RUN("words.txt", "tr", "a-z", "A-Z", "extra");
    RUN(NULL, "echo", "-e", "tab\there\\n");
    RUN(NULL, "echo", "-n", "-e", "x\\ty");
    printf("\n");
    RUN(NULL, "cat", "-n", "spaced.txt");
    RUN(NULL, "cat", "-s", "spaced.txt");
    RUN("words.txt", "uniq", "-c");
    RUN(NULL, "sort", "-o", "sorted.txt", "words.txt");
    RUN("sorted.txt", "uniq", "-d");
    RUN("sorted.txt", "uniq", "-u");
    RUN(NULL, "cut", "-d:", "-f1,3", "passwd.txt");
    RUN(NULL, "cut", "-c", "1-4", "words.txt");
    RUN(NULL, "cut", "-f", "2", "-d", " ", "scores.txt");
    RUN(NULL, "cut", "words.txt");
    RUN(NULL, "wc", "-x", "words.txt");
    return 0;
}
