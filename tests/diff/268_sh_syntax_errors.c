/* the built-in sh rejects what dash rejects, with its messages and status 2: an operator at the start or after another, a list ending in | or && or a redirection, exit with a non-number; ls refuses an unknown long option */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
int main(void) {
    const char *cmds[] = {";;", "| true", "true | | true", "&& true", "true &&", "true |", "true ;", "exit abc", "exit -1", "exit 300", "true > ", "echo a; ; echo b", "true 2>&1", "ls --all /nonexistent-xyz", "ls --bogus"};
    for (int k = 0; k < (int)(sizeof cmds / sizeof cmds[0]); k++) {
        fflush(stdout);
        int st = system(cmds[k]);
        printf("[%s] -> %d\n", cmds[k], WEXITSTATUS(st));
    }
    return 0;
}
