/* accepts: #if 0 ... #endif containing junk that is not C (stray @ and $, bad directives, a missing include) */
#include <stdio.h>

#if 0
this is @ not $ C { ( [
#include <no/such/header.h>
#error never reached
int int int;
#endif

int main(void)
{
    printf("skipped\n");
    return 0;
}
