/* must reject: #error directive, showing its message "configure PLATFORM first" */
#include <stdio.h>

#ifndef PLATFORM
#error configure PLATFORM first
#endif

int main(void)
{
    printf("hi\n");
    return 0;
}
