/* pins glibc rand() after srand(42) and other seeds, rand() % 100, a dice histogram */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    srand(42);
    for (int i = 0; i < 10; i++) printf("%d ", rand());
    printf("\n");
    srand(42);
    for (int i = 0; i < 20; i++) printf("%d ", rand() % 100);
    printf("\n");
    srand(12345u);
    int hist[6] = { 0 };
    for (int i = 0; i < 6000; i++) hist[rand() % 6]++;
    for (int i = 0; i < 6; i++) printf("face %d: %d\n", i + 1, hist[i]);
    srand(4294967295u);
    int r1 = rand();                               /* separate: argument order is unspecified */
    int r2 = rand() % 1000;
    printf("big seed: %d %d\n", r1, r2);
    srand(7);
    long sum = 0;
    for (int i = 0; i < 1000; i++) sum += rand() & 0xff;
    printf("sum low bytes=%ld\n", sum);
    int a[8] = { 0, 1, 2, 3, 4, 5, 6, 7 };
    srand(99);
    for (int i = 7; i > 0; i--) {                  /* Fisher-Yates */
        int j = rand() % (i + 1);
        int t = a[i]; a[i] = a[j]; a[j] = t;
    }
    for (int i = 0; i < 8; i++) printf("%d", a[i]);
    printf("\n");
    return 0;
}
