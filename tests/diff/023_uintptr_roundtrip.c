/* pins pointer round trips through uintptr_t/intptr_t and integer arithmetic on addresses */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>

int main(void)
{
    int a[5] = { 5, 6, 7, 8, 9 };
    uintptr_t u = (uintptr_t)&a[1];
    int *back = (int *)u;
    printf("back=%d\n", *back);
    uintptr_t u2 = u + 2 * sizeof(int);
    printf("u2 -> %d\n", *(int *)u2);
    printf("distance=%lu\n", (unsigned long)(u2 - u));
    printf("aligned4=%d\n", (int)(u % sizeof(int)) == 0);
    intptr_t ip = (intptr_t)a;
    int *p2 = (int *)(ip + (intptr_t)sizeof(int) * 4);
    printf("p2=%d\n", *p2);
    long *heap = malloc(4 * sizeof *heap);
    for (int i = 0; i < 4; i++) heap[i] = i * 111;
    uintptr_t stored[4];
    for (int i = 0; i < 4; i++) stored[i] = (uintptr_t)&heap[i];
    long total = 0;
    for (int i = 3; i >= 0; i--) total += *(long *)stored[i];
    printf("total=%ld aligned8=%d\n", total, (int)(stored[0] % 8) == 0);
    void *vp = (void *)stored[2];
    printf("via void*: %ld\n", *(long *)vp);
    free(heap);
    char *np = NULL;
    printf("null as uintptr=%lu\n", (unsigned long)(uintptr_t)np);
    printf("0 to ptr is NULL: %d\n", (char *)(uintptr_t)0 == NULL);
    return 0;
}
