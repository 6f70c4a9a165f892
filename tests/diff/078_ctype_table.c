/* pins ctype classification on all 128 ASCII chars (and 128..255 in the C locale): counts and 32-bit masks */
#include <stdio.h>
#include <ctype.h>

int main(void)
{
    const char *names[] = { "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower" };
    for (int f = 0; f < 6; f++) {
        int count = 0;
        unsigned mask[4] = { 0, 0, 0, 0 };
        for (int c = 0; c < 128; c++) {
            int r = 0;
            switch (f) {
            case 0: r = isdigit(c); break;
            case 1: r = isalpha(c); break;
            case 2: r = isalnum(c); break;
            case 3: r = isspace(c); break;
            case 4: r = isupper(c); break;
            case 5: r = islower(c); break;
            }
            if (r) { count++; mask[c / 32] |= 1u << (c % 32); }
        }
        printf("%-8s count=%3d masks=%08x %08x %08x %08x\n", names[f], count, mask[0], mask[1], mask[2], mask[3]);
    }
    int high = 0;
    for (int c = 128; c < 256; c++)
        high += !!isdigit(c) + !!isalpha(c) + !!isalnum(c) + !!isspace(c) + !!isupper(c) + !!islower(c);
    printf("high bytes classified: %d\n", high);
    printf("spaces:");
    for (int c = 0; c < 128; c++)
        if (isspace(c)) printf(" %d", c);
    printf("\n");
    const char *text = "Hello, World! 123\tabc\n";
    int d = 0, a = 0, s = 0, p = 0;
    for (const char *q = text; *q; q++) {
        unsigned char c = (unsigned char)*q;
        if (isdigit(c)) d++;
        else if (isalpha(c)) a++;
        else if (isspace(c)) s++;
        else p++;
    }
    printf("digits=%d alpha=%d space=%d other=%d\n", d, a, s, p);
    printf("nonzero results are truthy: %d %d\n", isupper('Q') != 0, islower('Q') != 0);
    return 0;
}
