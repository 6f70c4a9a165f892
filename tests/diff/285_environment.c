#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

extern char **environ;

static void show(const char *tag) {
    const char *names[] = {"HOME", "USER", "MODE", "EMPTY", "PATH", "NOPE"};
    printf("%s:", tag);
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        const char *v = getenv(names[k]);
        printf(" %s=%s", names[k], v ? v : "(unset)");
    }
    printf("\n");
}

int main(int argc, char *argv[], char *envp[]) {
    (void)argc; (void)argv;
    int n = 0;
    for (char **e = envp; *e; e++) n++;
    int m = 0;
    for (char **e = environ; *e; e++) m++;
    printf("envp==environ %d, count equal %d\n", envp == environ, n == m);
    show("start");
    printf("setenv=%d\n", setenv("MODE", "fast", 0));
    printf("setenv keep=%d\n", setenv("MODE", "slow", 0));
    show("set");
    printf("setenv bad=%d\n", setenv("A=B", "x", 1));
    printf("unsetenv bad=%d\n", unsetenv(""));
    static char put[] = "EMPTY=";
    putenv(put);
    unsetenv("USER");
    show("changed");
    fflush(stdout);
    pid_t p = fork();
    if (p == 0) {
        setenv("MODE", "child", 1);
        show("child");
        char *args[] = {"sh-less", NULL};
        (void)args;
        execlp("printenv", "printenv", "MODE", (char *)NULL);
        _exit(127);
    }
    int st;
    waitpid(p, &st, 0);
    printf("child status %d\n", WEXITSTATUS(st));
    show("parent");
    if (fork() == 0) {
        char *env[] = {"ONLY=this", NULL};
        execle("/usr/bin/env", "env", (char *)NULL, env);
        _exit(127);
    }
    wait(NULL);
    clearenv();
    printf("after clearenv: %s %p\n", getenv("HOME") ? "set" : "unset", (void *)environ);
    return 0;
}
