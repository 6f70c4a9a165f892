/* pins return 300 from main: status 300 & 0xff = 44; return value computed from data */
#include <stdio.h>

int main(void)
{
    int codes[] = { 100, 150, 50 };
    int total = 0;
    for (int i = 0; i < 3; i++) total += codes[i];
    printf("total=%d\n", total);
    return total;
}
