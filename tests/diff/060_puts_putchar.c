/* pins puts (appends newline) and putchar (returns its argument as unsigned char), their return values */
#include <stdio.h>

int main(void)
{
    int r = puts("line one");
    printf("puts returned nonneg: %d\n", r >= 0);
    puts("");
    puts("embedded\nnewline");
    for (char c = 'a'; c <= 'e'; c++) putchar(c);
    putchar('\n');
    int pr = putchar('Z');
    putchar('\n');
    printf("putchar returned %d\n", pr);
    pr = putchar(0x141);                     /* converted to unsigned char: 'A' */
    putchar('\n');
    printf("putchar(0x141) returned %d\n", pr);
    pr = putchar(-56);                        /* byte 200, returns 200 */
    putchar('\n');
    printf("putchar(-56) returned %d\n", pr);
    const char *digits = "0123456789";
    for (int i = 9; i >= 0; i -= 2) putchar(digits[i]);
    putchar('\n');
    int pf = printf("%s", "counted");
    printf(" <- printf returned %d\n", pf);
    pf = printf("%5d|%-3s|\n", 7, "x");
    printf("printf returned %d\n", pf);
    puts("end");
    return 0;
}
