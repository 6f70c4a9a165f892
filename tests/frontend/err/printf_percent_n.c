/* must reject (or report at run time): the %n printf conversion is not in the subset's formats */
#include <stdio.h>

int main(void)
{
    int n = 0;
    printf("abc%n\n", &n);
    printf("%d\n", n);
    return 0;
}
