/* Sorting an array of structs with qsort and different comparators
   (by name, by score descending, by two keys), then bsearch by name and
   by an int key. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct player { char name[12]; int score; int age; };

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct player *)a)->name, ((const struct player *)b)->name);
}
static int by_score_desc(const void *a, const void *b)
{
    const struct player *x = a, *y = b;
    if (x->score != y->score) return y->score - x->score;
    return strcmp(x->name, y->name);
}
static int by_age_then_score(const void *a, const void *b)
{
    const struct player *x = a, *y = b;
    if (x->age != y->age) return x->age < y->age ? -1 : 1;
    return (x->score > y->score) - (x->score < y->score);
}
static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void show(const char *title, struct player *p, int n)
{
    printf("%s:", title);
    for (int i = 0; i < n; i++) printf(" %s(%d,%d)", p[i].name, p[i].score, p[i].age);
    printf("\n");
}

int main(void)
{
    struct player p[] = {
        {"kim", 70, 21}, {"ana", 95, 23}, {"lou", 70, 19}, {"bea", 88, 21},
        {"zed", 12, 30}, {"max", 95, 19}, {"ivy", 50, 23},
    };
    int n = sizeof p / sizeof p[0];
    int (*cmps[])(const void *, const void *) = {by_name, by_score_desc, by_age_then_score};
    const char *titles[] = {"by name", "by score", "by age,score"};
    for (int i = 0; i < 3; i++) {
        qsort(p, n, sizeof p[0], cmps[i]);
        show(titles[i], p, n);
    }
    qsort(p, n, sizeof p[0], by_name);
    const char *wanted[] = {"bea", "max", "bob", "zed"};
    for (int i = 0; i < 4; i++) {
        struct player key;
        strcpy(key.name, wanted[i]);
        struct player *f = bsearch(&key, p, n, sizeof p[0], by_name);
        if (f) printf("found %s at index %d, score %d\n", wanted[i], (int)(f - p), f->score);
        else printf("%s not found\n", wanted[i]);
    }
    int nums[] = {42, 7, 19, 3, 88, 61, 7, 25, 14, 99, 0, 56};
    int m = sizeof nums / sizeof nums[0];
    qsort(nums, m, sizeof nums[0], cmp_int);
    for (int i = 0; i < m; i++) printf("%d%c", nums[i], i + 1 < m ? ' ' : '\n');
    for (int k = 0; k < 100; k += 19) {
        int *hit = bsearch(&k, nums, m, sizeof nums[0], cmp_int);
        printf("%d:%s ", k, hit ? "yes" : "no");
    }
    printf("\n");
    return 0;
}
