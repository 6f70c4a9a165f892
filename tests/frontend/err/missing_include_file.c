/* must reject: #include "helpers.h" (a local header that does not exist / is not ipcsim.h), naming the file */
#include <stdio.h>
#include "helpers.h"

int main(void)
{
    printf("hi\n");
    return 0;
}
