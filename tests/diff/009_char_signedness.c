/* pins plain char being signed on x86_64 and char arithmetic on string bytes */
#include <stdio.h>
#include <string.h>

int main(void)
{
    char c = (char)200;
    printf("(char)200=%d\n", c);
    printf("c<0: %d\n", c < 0);
    const char *s = "\xff\x80\x7f";
    for (int i = 0; i < 3; i++)
        printf("s[%d]=%d as uchar=%d\n", i, s[i], (unsigned char)s[i]);

    char d = 127;
    d = (char)(d + 1);
    printf("127+1 as char=%d\n", d);

    char digits[] = "0123456789";
    int sum = 0;
    for (char *p = digits; *p; p++) sum += *p - '0';
    printf("digit sum=%d\n", sum);

    char up = 'a' + ('Z' - 'A');
    printf("up=%c (%d)\n", up, up);
    printf("'a' size=%zu\n", sizeof 'a');       /* int in C */
    printf("'\\377'=%d\n", '\377');             /* char constant: -1 */
    printf("'\\x7f'=%d\n", '\x7f');
    unsigned char uc = (unsigned char)'\377';
    printf("uc=%d\n", uc);
    int hist[4] = {0};
    const char *t = "abcabcaab";
    for (size_t k = 0; k < strlen(t); k++) hist[t[k] - 'a']++;
    printf("hist a=%d b=%d c=%d d=%d\n", hist[0], hist[1], hist[2], hist[3]);
    signed char sc = -128;
    unsigned char u2 = (unsigned char)sc;
    printf("sc=%d u2=%d\n", sc, u2);
    return 0;
}
