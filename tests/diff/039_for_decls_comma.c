/* pins for loops with declarations and shadowing, comma operator in for clauses and expressions */
#include <stdio.h>

int main(void)
{
    int i = 100;
    for (int i = 0; i < 3; i++) printf("inner i=%d\n", i);
    printf("outer i=%d\n", i);
    for (int a = 0, b = 10; a < b; a += 3, b -= 2) printf("a=%d b=%d\n", a, b);
    int x, y;
    for (x = 0, y = 1; x < 5; x++, y *= 2) ;
    printf("x=%d y=%d\n", x, y);
    int c = (x = 2, y = 3, x * y);
    printf("comma value=%d\n", c);
    int d = (printf("side1 "), printf("side2 "), 7);
    printf("d=%d\n", d);
    int n = 0;
    for (;;) { if (++n == 4) break; }
    printf("n=%d\n", n);
    for (int k = 0; k < 2; k++)
        for (int k2 = k; k2 < 3; k2++) {
            int k = k2 * 10;          /* shadows loop variable */
            printf("k=%d ", k);
        }
    printf("\n");
    char *s = "comma";
    int len;
    for (len = 0; s[len]; len++) continue;
    printf("len=%d\n", len);
    int arr[5], *p;
    for (p = arr, i = 0; p < arr + 5; p++, i++) *p = i * i;
    printf("arr[4]=%d\n", arr[4]);
    int lo = 0, hi = 9;
    for (; lo < hi; lo++, hi--) ;
    printf("lo=%d hi=%d\n", lo, hi);
    return 0;
}
