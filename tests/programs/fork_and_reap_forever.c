/* A parent that forks a child and reaps it, for ever: the race detector
   must forget each reaped child's clocks (it kept them all, each as long
   as the children before it: 1.2 GB in 30,000 steps). */
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    for (;;) {
        if (fork() == 0)
            _exit(0);
        wait(0);
    }
}
