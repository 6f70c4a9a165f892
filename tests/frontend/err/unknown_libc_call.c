/* must reject: popen (and pclose) are not in the subset's library; the diagnostic names popen */
#include <stdio.h>

int main(void)
{
    FILE *f = popen("ls", "r");
    if (f) pclose(f);
    printf("done\n");
    return 0;
}
