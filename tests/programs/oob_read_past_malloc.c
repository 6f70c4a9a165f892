/* Reads one int past a 16-byte malloc block and prints it: undefined
 * behaviour that Linux does not trap (natively this prints some number
 * and exits 0). A child prints and exits first, so the comparison up to
 * the undefined behaviour has a write and an exit to agree on. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    int *a = malloc(16);
    pid_t pid = fork();
    if (pid == 0) {
        printf("child\n");
        return 0;
    }
    waitpid(pid, NULL, 0);
    printf("%d\n", a[4]);
    free(a);
    return 0;
}
