/* qsort and bsearch against glibc: ints, strings through a char * array with a strcmp
   wrapper, structs with ties (glibc's merge sort is stable, so ties keep their input order),
   a 40-byte struct (glibc sorts it indirectly), the exact number of comparator calls, and
   bsearch hits and misses with their comparator counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;
static int cmp_int(const void *a, const void *b) {
    calls++;
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_str(const void *a, const void *b) {
    calls++;
    return strcmp(*(char *const *)a, *(char *const *)b);
}
struct rec { int key; char tag; };
static int cmp_rec(const void *a, const void *b) {
    calls++;
    return ((const struct rec *)a)->key - ((const struct rec *)b)->key;
}
struct big { long pad[4]; int key; int id; };
static int cmp_big(const void *a, const void *b) {
    calls++;
    return ((const struct big *)b)->key - ((const struct big *)a)->key; /* descending */
}

int main(void) {
    int v[] = {42, -7, 19, 0, 42, 3, 100, -50, 8, 19, 1, 77, 5};
    int n = sizeof v / sizeof v[0];
    calls = 0;
    qsort(v, n, sizeof v[0], cmp_int);
    printf("ints (%d calls):", calls);
    for (int i = 0; i < n; i++) printf(" %d", v[i]);
    printf("\n");
    int keys[] = {42, 0, -50, 100, 4, 101, -51, 19};
    for (int i = 0; i < 8; i++) {
        calls = 0;
        int *p = bsearch(&keys[i], v, n, sizeof v[0], cmp_int);
        printf("bsearch %d: %s at %ld (%d calls)\n", keys[i], p ? "hit" : "miss", p ? (long)(p - v) : -1L, calls);
    }
    char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apple", "date", "Zebra", "fig2"};
    int nw = sizeof words / sizeof words[0];
    calls = 0;
    qsort(words, nw, sizeof words[0], cmp_str);
    printf("strings (%d calls):", calls);
    for (int i = 0; i < nw; i++) printf(" %s", words[i]);
    printf("\n");
    char *want = "date", *absent = "grape";
    char **w1 = bsearch(&want, words, nw, sizeof(char *), cmp_str);
    char **w2 = bsearch(&absent, words, nw, sizeof(char *), cmp_str);
    printf("date at %ld, grape %s\n", w1 ? (long)(w1 - words) : -1L, w2 ? "found" : "missing");
    struct rec r[] = {{3, 'a'}, {1, 'b'}, {3, 'c'}, {2, 'd'}, {1, 'e'}, {3, 'f'}, {2, 'g'}, {1, 'h'}, {0, 'i'}, {3, 'j'}};
    calls = 0;
    qsort(r, 10, sizeof r[0], cmp_rec);
    printf("recs (%d calls):", calls);
    for (int i = 0; i < 10; i++) printf(" %d%c", r[i].key, r[i].tag);
    printf("\n");
    struct big b[7];
    int bk[] = {5, 9, 5, 1, 9, 7, 5};
    for (int i = 0; i < 7; i++) { memset(b[i].pad, 0, sizeof b[i].pad); b[i].key = bk[i]; b[i].id = i; }
    calls = 0;
    qsort(b, 7, sizeof b[0], cmp_big);
    printf("big %zu bytes (%d calls):", sizeof b[0], calls);
    for (int i = 0; i < 7; i++) printf(" %d/%d", b[i].key, b[i].id);
    printf("\n");
    calls = 0;
    qsort(v, 1, sizeof v[0], cmp_int);
    qsort(v, 0, sizeof v[0], cmp_int);
    printf("n=1,0: %d calls; bsearch on empty: %s\n", calls, bsearch(&keys[0], v, 0, sizeof v[0], cmp_int) ? "hit" : "miss");
    return 0;
}
