/* pins glibc rand() with the default seed (as if srand(1)), and srand(1) restarting the same sequence */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int first[10];
    for (int i = 0; i < 10; i++) {
        first[i] = rand();
        printf("rand %d: %d\n", i, first[i]);
    }
    srand(1);
    int same = 1;
    for (int i = 0; i < 10; i++) same &= rand() == first[i];
    printf("srand(1) repeats default: %d\n", same);
    srand(0);                             /* glibc treats seed 0 like 1 */
    int zero_same = rand() == first[0];
    printf("srand(0) first equals default first: %d\n", zero_same);
    printf("RAND_MAX=%d\n", RAND_MAX);
    return 0;
}
