/* a SIGFPE handler runs on a division by zero and exits with its own status (a handler for the signal of a fault runs before the process would die of it) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void h(int s) { printf("caught %d\n", s); fflush(stdout); exit(4); }
int main(int argc, char **argv) {
    struct sigaction sa = {0};
    sa.sa_handler = h;
    sigaction(SIGFPE, &sa, NULL);
    int z = argc - 1;
    printf("%d\n", 10 / z);
    return 0;
}
