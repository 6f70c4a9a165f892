/* pins designated array initializers: [3] = 5, continuation after designator, 2D, char tables */
#include <stdio.h>

enum { RED, GREEN, BLUE, NCOLORS };

int main(void)
{
    int a[8] = { [3] = 5, [6] = 9 };
    for (int i = 0; i < 8; i++) printf("%d ", a[i]);
    printf("\n");
    int b[] = { [2] = 1, 2, 3, [0] = 7 };                  /* size 5 */
    printf("len=%zu:", sizeof b / sizeof b[0]);
    for (size_t i = 0; i < sizeof b / sizeof b[0]; i++) printf(" %d", b[i]);
    printf("\n");
    const char *names[NCOLORS] = { [BLUE] = "blue", [RED] = "red", [GREEN] = "green" };
    for (int i = 0; i < NCOLORS; i++) printf("%s ", names[i]);
    printf("\n");
    int m[3][3] = { [1] = { [1] = 5 }, [2][0] = 8, [0][2] = 4 };
    for (int i = 0; i < 3; i++) printf("%d %d %d\n", m[i][0], m[i][1], m[i][2]);
    char map[128] = { ['a'] = 'A', ['b'] = 'B', ['z'] = 'Z' };
    const char *word = "abzq";
    for (const char *p = word; *p; p++) putchar(map[(int)*p] ? map[(int)*p] : '?');
    putchar('\n');
    int desc[5] = { [4] = 4, [1] = 1, 2 };                  /* 2 goes to [2] */
    printf("desc=%d %d %d %d %d\n", desc[0], desc[1], desc[2], desc[3], desc[4]);
    int hex[16] = { [0xA] = 10, [0xF] = 15 };
    printf("hex %d %d %d\n", hex[10], hex[15], hex[11]);
    return 0;
}
