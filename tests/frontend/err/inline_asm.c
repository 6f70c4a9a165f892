/* must reject: inline assembly (asm/__asm__) is not in the subset */
#include <stdio.h>

int main(void)
{
    int x = 1;
    __asm__ volatile("" ::: "memory");
    printf("%d\n", x);
    return 0;
}
