/* A lost update: two processes each add 1 to a shared counter five
   times with `counter++`, which is a load and a store. When both load
   the same value, one increment is lost and the total is short.
   Not schedule-independent: natively the total is usually 10. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define TIMES 5

int main(void) {
    int *counter = mmap(NULL, sizeof(int), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    for (int p = 0; p < 2; p++) {
        if (fork() == 0) {
            for (int i = 0; i < TIMES; i++)
                (*counter)++;
            exit(0);
        }
    }
    wait(NULL);
    wait(NULL);
    printf("counter = %d (expected %d)\n", *counter, 2 * TIMES);
    return *counter == 2 * TIMES ? 0 : 1;
}
