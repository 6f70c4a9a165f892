/* pins exit(42) from a nested function: status 42, buffered stdout flushed, code after not run */
#include <stdio.h>
#include <stdlib.h>

static void fail_deep(int depth)
{
    if (depth < 0) return;
    if (depth == 0) {
        printf("exiting from depth 0");      /* no newline: still flushed by exit */
        exit(42);
    }
    fail_deep(depth - 1);
    printf("never printed\n");
}

int main(void)
{
    printf("start\n");
    fail_deep(5);
    printf("not reached\n");
    return 0;
}
