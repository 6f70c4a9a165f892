/* A footprint review's reproducer (sleep_lb): the property test of tests/it/machine.rs
   walks it over many seeds; the pair it exposed must conflict. */
#include <unistd.h>
#include <sys/wait.h>

int main(void) {
    if (fork() == 0) {
        for (int k = 0; k < 3; k++)
            sleep(1);
        _exit(0);
    }
    if (fork() == 0) {
        for (int k = 0; k < 3; k++) {
            getpid();
            sleep(1);
        }
        _exit(0);
    }
    wait(0);
    wait(0);
    return 0;
}
