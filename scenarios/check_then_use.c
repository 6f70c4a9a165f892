/* An atomicity violation (check, then use): the child checks that the
   shared divisor is not zero and then divides by it, two reads it
   assumes see one value; the parent may set the divisor to zero between
   them, and the child dies of SIGFPE. The check and the use must be one
   atomic step (a semaphore around both, and around the parent's write).
   Not schedule-independent: natively the child usually reads 5 twice. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
    int divisor;
};

int main(void) {
    struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    s->divisor = 5;
    pid_t child = fork();
    if (child == 0) {
        if (s->divisor != 0)
            printf("100 / divisor = %d\n", 100 / s->divisor);
        return 0;
    }
    s->divisor = 0;
    int status;
    waitpid(child, &status, 0);
    printf("child %s\n", WIFSIGNALED(status) ? "was killed" : "exited");
    return 0;
}
