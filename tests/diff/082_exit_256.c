/* pins exit(256): status is taken mod 256, so the process exits with 0 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("calling exit(256)\n");
    exit(256);
}
