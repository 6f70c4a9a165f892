/* pins pre/post increment and decrement on ints, chars, pointers, struct members, array elements */
#include <stdio.h>

struct ctr { int n; char c; };

int main(void)
{
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("a=%d b=%d c=%d d=%d i=%d\n", a, b, c, d, i);
    char ch = 'a';
    ch++;
    ++ch;
    printf("ch=%c\n", ch);
    char z = 127;
    z++;                                   /* promoted, converted back: -128 on gcc */
    printf("z=%d\n", z);
    unsigned char uc = 0;
    uc--;
    printf("uc=%d\n", uc);
    const char *s = "abcdef";
    const char *p = s;
    printf("%c", *p++);
    printf("%c", *++p);
    printf("%c", (*p) + 1);
    p++;
    printf("%c\n", *p--);
    printf("p at %ld\n", p - s);
    struct ctr k = { 0, 'x' };
    struct ctr *kp = &k;
    kp->n++;
    ++kp->n;
    (*kp).c--;
    printf("k.n=%d k.c=%c\n", k.n, k.c);
    int arr[3] = { 10, 20, 30 };
    int *ap = arr;
    (*ap)++;
    *ap++ += 5;
    ++*ap;
    printf("arr=%d %d %d ap@%ld\n", arr[0], arr[1], arr[2], ap - arr);
    int *q = arr + 3;
    while (q-- != arr) *q *= 2;
    printf("arr=%d %d %d\n", arr[0], arr[1], arr[2]);
    long l = -1;
    l++;
    unsigned long ul = 0;
    ul--;
    printf("l=%ld ul=%lu\n", l, ul);
    char buf[4] = "aaa";
    char *bp = buf;
    while (*bp) (*bp++)++;
    printf("buf=%s\n", buf);
    return 0;
}
