/* Leaks descriptors until open fails: with stdin, stdout and stderr open,
   1021 more fit under the descriptor limit (abi::limits::MAX_FDS, 1024),
   then EMFILE. */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    int n = 0;
    while (dup(0) >= 0)
        n++;
    printf("%d descriptors, then errno %d\n", n, errno);
    return 0;
}
