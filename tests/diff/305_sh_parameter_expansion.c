/* the built-in sh expands as dash does: $NAME and ${NAME} from the environment and assignments, quotes (single, double, backslash), ${NAME:-x} ${NAME-x} ${NAME:+x} ${NAME:=x} ${NAME:?x} ${#NAME}, $? $$ $# $0 $1 $@ $*, command substitution $(...) and `...`, field splitting on IFS, ~; the builtins kill (the shell killing itself with $$), export, unset; exit with no operand; execle gives the shell its environment */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    const char *cmds[] = {
        "X='a  b'; echo $X; echo \"$X\"; echo '$X'; echo ${X}c",
        "echo $HOME ${USER} \"[$NOPE]\" =${NOPE:-def}= ${HOME:+set} ${#USER}",
        "false; echo $?; true; echo $?",
        "Y=7; echo $Y; Y=8 Z=9; echo $Y$Z",
        "echo $(echo hi; echo) end `echo bq` \"$(printf 'a\\n\\n')\"",
        "echo \"a\\$b\" \"\\x\" \\$X '\\$X'",
        "kill -0 $$ && echo alive",
        "kill -l 9; kill -l 143; kill -s; echo $?; kill -FOO 1; echo $?; kill; echo $?; kill abc; echo $?",
        "kill -s TERM 999999; echo $?",
        "kill -l | head -3; kill -l | wc -l; kill -l 0; echo $?",
        "X=$(exit 4); echo $?; echo $(exit 3) $?",
        "echo ${X:=5} $X; echo ${Y-4} $Y",
        "export EXP=1; printenv EXP; LOC=2; printenv LOC || echo nope; T=3 printenv T; echo =$T=",
        "V=x; unset V; echo =$V=",
        "echo $0 $# \"$@\"",
        "F=out.txt; echo data > $F; cat < $F; rm $F",
        "echo start; kill -TERM $$; echo never",
        "exit",
        "echo ${X:?is unset}; echo no",
        "W='1 2 3'; for_each=$W; printenv for_each; echo $(echo $W | wc -w)",
        "echo $(echo $(echo nested))",
        "echo ~ ~/x a~",
        "false; exit",
    };
    for (int k = 0; k < (int)(sizeof cmds / sizeof cmds[0]); k++) {
        fflush(stdout);
        int st = system(cmds[k]);
        if (WIFEXITED(st))
            printf("-> %d\n", WEXITSTATUS(st));
        else
            printf("-> signal %d\n", WTERMSIG(st));
    }
    fflush(stdout);
    if (fork() == 0) {
        execl("/bin/sh", "sh", "-c", "echo $0: $# /$1/ /$2/ \"$*\"; for_x=$2; echo $for_x; nosuch", "name", "one", "two three", (char *)0);
        _exit(127);
    }
    int st;
    wait(&st);
    printf("status %d\n", WEXITSTATUS(st));
    fflush(stdout);
    char *envp[] = {"WEEK=5", "IFS=:", NULL};
    if (fork() == 0) {
        execle("/bin/sh", "sh", "-c", "echo WEEK=$WEEK; L=a:b; echo $L; kill -l 15 2>&1 && exit 5", (char *)0, envp);
        _exit(127);
    }
    wait(&st);
    printf("status %d\n", WEXITSTATUS(st));
    return 0;
}
