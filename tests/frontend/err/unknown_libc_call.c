/* must reject: fopen (and fclose) are not in the subset's library; the diagnostic names fopen */
#include <stdio.h>

int main(void)
{
    FILE *f = fopen("/tmp/x", "w");
    if (f) fclose(f);
    printf("done\n");
    return 0;
}
