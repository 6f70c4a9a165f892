/* Writes 40 MiB to stdout in 64 KiB writes, every one succeeding: more
   than a run keeps (abi::limits::MAX_OUTPUT, 16 MiB). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

char buf[65536];

int main(void) {
    memset(buf, 'x', sizeof buf);
    long total = 0;
    for (int i = 0; i < 640; i++) {
        if (write(1, buf, sizeof buf) != sizeof buf)
            return 1;
        total += sizeof buf;
    }
    fprintf(stderr, "wrote %ld\n", total);
    return 0;
}
