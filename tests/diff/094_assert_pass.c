/* pins asserts that hold: no output, the expression (with its side effect) is evaluated exactly once */
#include <stdio.h>
#include <assert.h>
#include <string.h>

static int calls;
static int touch(void) { calls++; return 1; }

int main(void)
{
    int a[4] = { 1, 2, 3, 4 };
    assert(a[3] == 4);
    assert(strlen("abc") == 3);
    assert(touch());                     /* evaluated: assert is enabled */
    assert(sizeof(int) == 4 && "int is 32 bits");
    for (int i = 0; i < 4; i++) assert(a[i] == i + 1);
    printf("all asserts passed, calls=%d\n", calls);
    assert(1);
    return 0;
}
