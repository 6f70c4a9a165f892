/* pins _exit(0): buffered stdout is NOT flushed (lost), stderr (unbuffered) still appears */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    printf("this is buffered and lost\n");
    fprintf(stderr, "stderr is unbuffered and appears\n");
    _exit(0);
}
