/* must reject: system() (a shell) is not in the subset: fork and an exec function are */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    int r = system("ls -l");
    printf("%d\n", r);
    return 0;
}
