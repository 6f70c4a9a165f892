/* pins the exit status from main's return value (3), with stdout flushed at exit */
#include <stdio.h>

static int compute(void) { return 1 + 2; }

int main(void)
{
    printf("returning %d\n", compute());
    fprintf(stderr, "to stderr before return\n");
    return compute();
}
