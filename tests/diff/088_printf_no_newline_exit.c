/* pins output buffering: printf without trailing newline is flushed at exit(0) and at return */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("no newline here");
    printf(" and still none");
    fprintf(stderr, "err without newline");
    exit(0);
}
