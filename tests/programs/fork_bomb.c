/* A fork bomb that ends: every process forks up to 12 times (4096
   processes wanted), stops at the first failure, then reaps its children.
   The process limit stops it with EAGAIN. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 12; i++) {
        pid_t p = fork();
        if (p < 0) {
            if (errno == EAGAIN)
                write(1, "EAGAIN\n", 7);
            break;
        }
    }
    while (wait(0) > 0)
        ;
    return 0;
}
