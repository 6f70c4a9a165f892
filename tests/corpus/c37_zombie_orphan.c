/* Zombie and orphan demo printing only deterministic facts: a finished
   child stays a zombie (waitpid with WNOHANG still reaps it later with
   its status); a grandchild whose parent has exited is re-parented (its
   getppid() changes), which it reports through a pipe. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>

int main(void)
{
    /* zombie: the child exits, the parent learns it via a pipe EOF and only
       then reaps it */
    int sync[2];
    pipe(sync);
    pid_t z = fork();
    if (z == 0) { close(sync[0]); _exit(42); }
    close(sync[1]);
    char c;
    read(sync[0], &c, 1);   /* EOF: the child has closed its end (exited) */
    close(sync[0]);
    int st;
    pid_t r = waitpid(z, &st, 0);
    printf("zombie reaped: %s, status %d\n", r == z ? "yes" : "no", WEXITSTATUS(st));
    printf("second waitpid on it fails: %d\n", waitpid(z, &st, WNOHANG) == -1);

    /* orphan */
    int go[2], back[2];
    pipe(go); pipe(back);
    pid_t top = getpid();
    pid_t mid = fork();
    if (mid == 0) {
        pid_t original = getpid();      /* the grandchild's first parent */
        pid_t grand = fork();
        if (grand == 0) {
            close(go[1]); close(back[0]);
            read(go[0], &c, 1);          /* the root tells us our parent is gone */
            int info[3] = {original != top, getppid() != original, getppid() != top};
            write(back[1], info, sizeof info);
            _exit(0);
        }
        _exit(7);   /* leaves the grandchild an orphan */
    }
    close(go[0]); close(back[1]);
    waitpid(mid, &st, 0);
    printf("middle process exited with %d\n", WEXITSTATUS(st));
    write(go[1], "g", 1);
    int info[3];
    if (read(back[0], info, sizeof info) != sizeof info) { printf("no answer\n"); return 1; }
    printf("grandchild: first parent was the middle process: %d\n", info[0]);
    printf("grandchild: re-parented after the middle exited: %d\n", info[1]);
    printf("grandchild: new parent is not the root: %d\n", info[2]);
    printf("root has no children left: %d\n", wait(NULL) == -1);
    return 0;
}
