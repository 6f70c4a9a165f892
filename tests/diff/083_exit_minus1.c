/* pins exit(-1): status 255 */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("calling exit(-1)\n");
    fprintf(stderr, "stderr line\n");
    exit(-1);
}
