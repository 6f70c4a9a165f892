/* The child spins for ever; the parent waits for it. Natively this hangs,
   and the child never prints: it must not leave its loop. */
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    if (fork() == 0) {
        for (;;)
            ;
        printf("child left its loop\n");
        return 0;
    }
    wait(0);
    printf("parent done\n");
    return 0;
}
