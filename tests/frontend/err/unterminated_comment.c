/* must reject: unterminated comment starting on line 6 */
#include <stdio.h>

int main(void)
{
    /* this comment never ends
    printf("hi\n");
    return 0;
}
