/* pins break and continue inside a switch inside loops: break leaves the switch, continue the loop iteration */
#include <stdio.h>

int main(void)
{
    int evens = 0, skipped = 0;
    for (int i = 0; i < 10; i++) {
        switch (i % 3) {
        case 0:
            continue;               /* next loop iteration */
        case 1:
            evens += i;
            break;                  /* leaves switch only */
        default:
            skipped++;
        }
        printf("after switch i=%d\n", i);
    }
    printf("evens=%d skipped=%d\n", evens, skipped);

    const char *cmds = "aab?cq zz";
    int i = 0, a = 0, b = 0, quit = 0;
    while (!quit && cmds[i]) {
        char c = cmds[i++];
        switch (c) {
        case 'a': a++; break;
        case 'b': b++; break;
        case '?': continue;
        case 'q': quit = 1; break;
        default: printf("unknown %c\n", c);
        }
        printf("handled %c\n", c);
    }
    printf("a=%d b=%d stopped at %d\n", a, b, i);

    int n = 0;
    do {
        switch (n) {
        case 2: n += 2; continue;   /* continue in do-while jumps to the condition */
        case 5: break;
        }
        n++;
    } while (n < 8);
    printf("n=%d\n", n);
    for (int x = 0; x < 3; x++)
        for (int y = 0; y < 3; y++) {
            if (y == x) continue;
            if (x + y > 3) break;
            printf("(%d,%d)", x, y);
        }
    printf("\n");
    return 0;
}
