/* Writes 20 MiB to stdout: the run keeps the first 16 MiB and says so. */
#include <string.h>
#include <unistd.h>

static char chunk[1 << 20];

int main(void) {
    memset(chunk, 'x', sizeof chunk);
    for (int i = 0; i < 20; i++)
        if (write(1, chunk, sizeof chunk) != sizeof chunk)
            return 1;
    return 0;
}
