/* must reject: an enumerator initialised with a value that is not an integer constant (2.5) */
#include <stdio.h>

enum level { LOW = 1, MID = 2.5, HIGH };

int main(void)
{
    printf("%d\n", HIGH);
    return 0;
}
