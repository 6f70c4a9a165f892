/* must reject: case label not within a switch statement */
#include <stdio.h>

int main(void)
{
    int x = 1;
    if (x) {
    case 1: printf("one\n");
    }
    return 0;
}
