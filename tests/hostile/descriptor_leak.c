#include <unistd.h>
int main(void) {
    int fd[2];
    for (;;)
        pipe(fd);
}
