/* accepts: array parameters int a[], int a[10], int *a, int a[][4], const char *names[], char argv2[][8] */
#include <stdio.h>

static int f1(int a[]) { return a[0]; }
static int f2(int a[10]) { return a[1]; }
static int f3(int *a) { return a[2]; }
static int f4(int a[][4]) { return a[1][3]; }
static int f5(const char *names[]) { return names[1][0]; }
static int f6(char words[][8]) { return words[1][1]; }

int main(void)
{
    int v[10] = { 1, 2, 3, 4 }, m[2][4] = { { 0 }, { 0, 0, 0, 9 } };
    const char *n[] = { "a", "b" };
    char w[2][8] = { "xy", "zw" };
    printf("%d %d %d %d %d %d\n", f1(v), f2(v), f3(v), f4(m), f5(n), f6(w));
    return 0;
}
