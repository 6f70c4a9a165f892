/* must reject: missing terminating " character (unterminated string literal) on line 6 */
#include <stdio.h>

int main(void)
{
    printf("hello\n);
    return 0;
}
