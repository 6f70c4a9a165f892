/* the built-in sh expands globs (* ? [...] [!...]) in a path's last component as dash does: sorted, dot files only for a pattern starting with a dot, quoted glob characters literal, a pattern matching nothing left as written, globs in an unquoted expansion */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
int main(void) {
    mkdir("gdir", 0755);
    const char *cmds[] = {
        "touch_ok=1; echo x > gdir/b.txt; echo y > gdir/a.txt; echo z > gdir/c.log; echo w > gdir/.h.txt",
        "echo gdir/*.txt", "echo gdir/?.log gdir/[ab].txt gdir/[!a].txt", "echo gdir/*.none '[OK]' [OK] \"gdir/*\"",
        "P='gdir/*.log'; echo $P \"$P\"", "cd_none=1; echo gdir/.*.txt", "cat gdir/*.txt | wc -l", "rm gdir/*; echo gdir/*",
    };
    for (int k = 0; k < (int)(sizeof cmds / sizeof cmds[0]); k++) {
        fflush(stdout);
        int st = system(cmds[k]);
        printf("-> %d\n", WEXITSTATUS(st));
    }
    rmdir("gdir");
    return 0;
}
