/* main's own locals pass the 8 MiB stack limit: natively the process dies
   of SIGSEGV before it prints anything; it must not exit 0 silently. */
#include <stdio.h>

int main(void) {
    char big[9000000];
    big[0] = 1;
    printf("%d\n", big[0]);
    return 3;
}
