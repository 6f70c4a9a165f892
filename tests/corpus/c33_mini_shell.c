/* A mini shell without exec: command lines come from a script string,
   are split with strtok, and each command runs in a forked child as a
   built-in function found in a table; "> file" redirects the child's
   stdout with dup2. The shell waits and prints each status. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/wait.h>

static int cmd_echo(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) printf("%s%s", argv[i], i + 1 < argc ? " " : "");
    printf("\n");
    return 0;
}
static int cmd_count(int argc, char **argv) { (void)argv; printf("%d args\n", argc - 1); return argc - 1; }
static int cmd_false(int argc, char **argv) { (void)argc; (void)argv; return 1; }
static int cmd_cat(int argc, char **argv)
{
    if (argc < 2) return 2;
    FILE *f = fopen(argv[1], "r");
    if (!f) { printf("cat: %s: cannot open\n", argv[1]); return 1; }
    int c;
    while ((c = fgetc(f)) != EOF) putchar(c);
    fclose(f);
    return 0;
}

struct builtin { const char *name; int (*fn)(int, char **); };
static const struct builtin builtins[] = {
    {"echo", cmd_echo}, {"count", cmd_count}, {"false", cmd_false}, {"cat", cmd_cat},
};

static void run_line(char *line)
{
    char *argv[16], *out = NULL;
    int argc = 0;
    for (char *t = strtok(line, " "); t && argc < 15; t = strtok(NULL, " ")) {
        if (strcmp(t, ">") == 0) { out = strtok(NULL, " "); break; }
        argv[argc++] = t;
    }
    argv[argc] = NULL;
    if (argc == 0) return;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        if (out) {
            int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
            dup2(fd, STDOUT_FILENO);
            close(fd);
        }
        for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
            if (strcmp(builtins[i].name, argv[0]) == 0) exit(builtins[i].fn(argc, argv));
        fprintf(stderr, "%s: command not found\n", argv[0]);
        exit(127);
    }
    int st;
    waitpid(pid, &st, 0);
    printf("[%s] exit %d\n", argv[0], WEXITSTATUS(st));
}

int main(void)
{
    const char *script[] = {
        "echo hello   world", "count a b c d", "false", "nosuch thing",
        "echo saved line > out_c33.txt", "cat out_c33.txt", "cat missing_c33.txt",
    };
    for (int i = 0; i < 7; i++) {
        char line[128];
        strcpy(line, script[i]);
        printf("$ %s\n", script[i]);
        run_line(line);
    }
    remove("out_c33.txt");
    return 0;
}
