/* Two processes each read the other's pipe before writing their own: the
   parent waits for the child's message, the child for the parent's. Both
   block for ever; ipcsim names the wait-for cycle (1000 waits for pipe#1,
   written by 1001; 1001 waits for pipe#0, written by 1000).
   Not schedule-independent: natively it hangs (the test allows that). */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int to_child[2], to_parent[2];
    pipe(to_child);
    pipe(to_parent);
    if (fork() == 0) {
        char c;
        read(to_child[0], &c, 1); /* waits for the parent first */
        write(to_parent[1], "c", 1);
        return 0;
    }
    char c;
    read(to_parent[0], &c, 1); /* ... which waits for the child first */
    write(to_child[1], "p", 1);
    wait(NULL);
    printf("never printed\n");
    return 0;
}
