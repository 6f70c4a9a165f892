#include <stdio.h>
#include <stdlib.h>
int main(void) {
    int *a = malloc(16);
    printf("%d\n", a[4]);
    return 0;
}
