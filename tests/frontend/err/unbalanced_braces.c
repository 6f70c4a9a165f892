/* must reject: unbalanced braces: the '{' of main is never closed (expected '}' at end of input) */
#include <stdio.h>

int main(void)
{
    for (int i = 0; i < 3; i++) {
        printf("%d\n", i);
    return 0;
}
