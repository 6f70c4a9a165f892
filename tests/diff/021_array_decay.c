/* pins array-to-pointer decay: passing arrays, &arr vs arr, strings, sizeof inside and outside */
#include <stdio.h>
#include <string.h>

static int sum(const int *a, int n)
{
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

static void fill(int a[], int n, int v)
{
    for (int i = 0; i < n; i++) a[i] = v + i;
}

static int sum_row(int (*row)[4])
{
    return (*row)[0] + (*row)[1] + (*row)[2] + (*row)[3];
}

int main(void)
{
    int a[6] = { 1, 2, 3, 4, 5, 6 };
    printf("sum=%d partial=%d\n", sum(a, 6), sum(a + 2, 3));
    fill(a, 6, 100);
    printf("after fill: %d %d\n", a[0], a[5]);
    int (*pa)[6] = &a;
    printf("(*pa)[3]=%d sizeof *pa=%zu\n", (*pa)[3], sizeof *pa);
    printf("a == &a[0]: %d\n", a == &a[0]);
    printf("(void*)&a == (void*)a: %d\n", (void *)&a == (void *)a);
    printf("&a + 1 - bytes: %ld\n", (char *)(&a + 1) - (char *)a);
    int row[4] = { 1, 10, 100, 1000 };
    printf("sum_row=%d\n", sum_row(&row));
    char word[] = "decay";
    char *w = word;
    w[0] = 'D';
    printf("%s %zu %zu\n", word, sizeof word, strlen(w));
    printf("literal index: %c %c\n", "abc"[1], *("xyz" + 2));
    int *ptr = a;
    printf("ptr[2]=%d *(a+2)=%d\n", ptr[2], *(a + 2));
    return 0;
}
