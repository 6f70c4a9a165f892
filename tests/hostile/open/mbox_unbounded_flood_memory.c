/* An unbounded mailbox (capacity -1) filled with 8192-byte messages in a loop: ipcsim keeps every message, so its memory grows to ~6.6 GB RSS within 20 s before the 1,000,000-step budget stops the run (exit 1); on a smaller machine the host kills ipcsim instead. Natively the pool caps it (EAGAIN after 4096 messages). Expected: a bound on in-flight message bytes (a diagnostic or EAGAIN/ENOMEM), not unbounded host memory. Run: ipcsim run mbox_unbounded_flood_memory.c */
#include "ipcsim.h"
#include <stdio.h>
#include <errno.h>
int main(void) {
    static char big[8192];
    int m = mbox_open("flood", -1);
    long n = 0;
    for (;;) { if (mbox_try_send(m, big, sizeof big) != 0) { printf("stop %ld errno %d\n", n, errno); break; } n++; }
    return 0;
}
