/* must reject: continue statement not within a loop (a switch alone is not enough) */
#include <stdio.h>

int main(void)
{
    int x = 1;
    switch (x) {
    case 1: continue;
    }
    printf("%d\n", x);
    return 0;
}
