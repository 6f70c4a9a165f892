/* pins a fixed-width 2D char table of names: strcpy into rows, sorting rows with a temp buffer, strcmp, padding */
#include <stdio.h>
#include <string.h>

#define NAMES 6
#define WIDTH 12

int main(void)
{
    char names[NAMES][WIDTH];
    const char *src[NAMES] = { "semaphore", "pipe", "mqueue", "fork", "socket", "mmap" };
    for (int i = 0; i < NAMES; i++) strcpy(names[i], src[i]);
    for (int i = 0; i < NAMES - 1; i++)
        for (int j = i + 1; j < NAMES; j++)
            if (strcmp(names[i], names[j]) > 0) {
                char tmp[WIDTH];
                strcpy(tmp, names[i]);
                strcpy(names[i], names[j]);
                strcpy(names[j], tmp);
            }
    for (int i = 0; i < NAMES; i++) printf("|%-*s|%*zu|\n", WIDTH - 1, names[i], 3, strlen(names[i]));
    size_t longest = 0;
    int at = -1;
    for (int i = 0; i < NAMES; i++)
        if (strlen(names[i]) > longest) { longest = strlen(names[i]); at = i; }
    printf("longest=%s (%zu)\n", names[at], longest);
    char joined[NAMES * WIDTH] = "";
    for (int i = 0; i < NAMES; i++) {
        if (i) strcat(joined, "+");
        strcat(joined, names[i]);
    }
    printf("%s (%zu)\n", joined, strlen(joined));
    printf("sizeof names=%zu row=%zu\n", sizeof names, sizeof names[0]);
    return 0;
}
