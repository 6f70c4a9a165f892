/* pins a recursive quicksort and insertion sort on ints, and a stable sort of structs by key */
#include <stdio.h>
#include <stdlib.h>

struct rec { int key; char tag; };

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void quicksort(int *a, int lo, int hi)
{
    if (lo >= hi) return;
    int pivot = a[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
        while (a[i] < pivot) i++;
        while (a[j] > pivot) j--;
        if (i <= j) swap(&a[i++], &a[j--]);
    }
    quicksort(a, lo, j);
    quicksort(a, i, hi);
}

static void insertion(struct rec *r, int n)
{
    for (int i = 1; i < n; i++) {
        struct rec cur = r[i];
        int j = i - 1;
        while (j >= 0 && r[j].key > cur.key) { r[j + 1] = r[j]; j--; }
        r[j + 1] = cur;
    }
}

int main(void)
{
    int a[40];
    srand(2024);
    for (int i = 0; i < 40; i++) a[i] = rand() % 200 - 100;
    quicksort(a, 0, 39);
    int ok = 1;
    for (int i = 1; i < 40; i++) ok &= a[i - 1] <= a[i];
    printf("sorted=%d min=%d max=%d median=%d\n", ok, a[0], a[39], a[20]);
    for (int i = 0; i < 40; i += 8) printf("%d ", a[i]);
    printf("\n");
    struct rec r[8] = { { 3, 'a' }, { 1, 'b' }, { 3, 'c' }, { 2, 'd' }, { 1, 'e' }, { 0, 'f' }, { 2, 'g' }, { 3, 'h' } };
    insertion(r, 8);
    for (int i = 0; i < 8; i++) printf("%d%c ", r[i].key, r[i].tag);
    printf("\n");
    return 0;
}
