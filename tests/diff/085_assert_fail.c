/* expects SIGABRT: a failing assert prints "PROG: FILE:LINE: FUNC: Assertion `EXPR' failed." on stderr; buffered stdout is lost (no sanitizer) */
#include <stdio.h>
#include <assert.h>

static int check_positive(int v)
{
    assert(v > 0);
    return v * 2;
}

int main(void)
{
    printf("this line stays in the stdout buffer and is lost\n");
    fprintf(stderr, "stderr before assert\n");
    int r = check_positive(5);
    fprintf(stderr, "first check ok: %d\n", r);
    r = check_positive(-1);
    printf("not reached %d\n", r);
    return 0;
}
