/* Writes whose sizes are multiples of the real backend's log packet
   payload (4087 bytes), then one larger than a packet: each write() is
   one write in the outcome, as in the simulator. */
#include <string.h>
#include <unistd.h>

static char a[4087], b[4087], c[10000];

int main(void) {
    memset(a, 'a', sizeof a);
    memset(b, 'b', sizeof b);
    memset(c, 'c', sizeof c);
    write(1, a, sizeof a);
    write(1, b, sizeof b);
    write(1, c, sizeof c);
    write(1, "x\n", 2);
    return 0;
}
