/* pins #define NDEBUG before <assert.h>: assert expands to nothing, so a false assert and its side effect are skipped */
#define NDEBUG
#include <assert.h>
#include <stdio.h>

static int calls;
int touch(void) { calls++; return 0; }

int main(void)
{
    assert(touch());
    assert(1 == 2);
    printf("NDEBUG: asserts skipped, calls=%d\n", calls);
    return 0;
}
