/* accepts: int main(int argc, char **argv) and char *argv[] style parameters */
#include <stdio.h>

static int count(char *v[]) { int n = 0; while (v[n]) n++; return n; }

int main(int argc, char **argv)
{
    printf("%d %d\n", argc, count(argv) == argc);
    return 0;
}
