#include <stdio.h>
int main(void) {
    int r = printf("%2147483648d", 1);
    printf("%d\n", r);
    char buf[8];
    r = snprintf(buf, sizeof buf, "%2147483647d", 1);
    printf("%d\n", r);
    return 0;
}
