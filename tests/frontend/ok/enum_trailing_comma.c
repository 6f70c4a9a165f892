/* accepts: enum with trailing comma, explicit and negative values, enum tag reused in a declaration, anonymous enum */
#include <stdio.h>

enum color { RED = -1, GREEN, BLUE = 10, };
enum { ONLY, };

int main(void)
{
    enum color c = GREEN;
    enum color d = BLUE;
    printf("%d %d %d %d\n", RED, c, d, ONLY);
    return 0;
}
