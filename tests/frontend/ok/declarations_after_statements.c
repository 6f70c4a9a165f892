/* accepts: C99 declarations after statements, in for-init with two variables, in nested blocks, in switch case blocks */
#include <stdio.h>

int main(void)
{
    int total = 0;
    total++;
    int later = total * 10;
    for (int i = 0, j = 3; i < j; i++, j--) total += i + j;
    switch (later) { case 10: { int inner = 5; total += inner; } break; }
    printf("%d %d\n", total, later);
    return 0;
}
