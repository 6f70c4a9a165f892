/* must reject: variable `nothing` declared void */
#include <stdio.h>

int main(void)
{
    void nothing;
    printf("hi\n");
    return 0;
}
