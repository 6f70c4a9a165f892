/* must reject: expected ';' after `int x = 1` (line 6), pointing at the end of that line or the next token */
#include <stdio.h>

int main(void)
{
    int x = 1
    printf("%d\n", x);
    return 0;
}
