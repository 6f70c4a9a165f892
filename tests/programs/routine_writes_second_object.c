/* A library routine that writes through its second pointer into another
   shared object (strtol's end pointer) must wake the child spinning on it:
   the step names only the first object it touches. Natively the child
   always sees the pointer and the program ends. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sched.h>

struct A { char *end; };

int main(void) {
    struct A *a = mmap(0, sizeof(struct A), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *b = mmap(0, 16, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    b[0] = '4';
    b[1] = '2';
    if (fork() == 0) {
        while (a->end == 0)
            ;
        printf("child saw the end pointer\n");
        fflush(stdout);
        _exit(0);
    }
    sched_yield();
    sched_yield();
    strtol(b, &a->end, 10);    /* writes a->end; the step is gated on b's object only */
    wait(0);
    return 0;
}
