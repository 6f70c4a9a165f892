/* pins main(int argc, char **argv) with no extra arguments: argc 1, argv[1] NULL (argv[0] not printed) */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    printf("argc=%d\n", argc);
    printf("argv[1] == NULL: %d\n", argv[1] == NULL);
    printf("argv[0] non-empty: %d\n", argv[0] != NULL && strlen(argv[0]) > 0);
    int n = 0;
    for (char **p = argv; *p; p++) n++;
    printf("counted=%d\n", n);
    return argc - 1;
}
