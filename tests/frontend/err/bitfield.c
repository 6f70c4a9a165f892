/* must reject: bit-field member `ready : 1`; bit-fields are not in the subset (use masks) */
#include <stdio.h>

struct flags { unsigned ready : 1; unsigned count : 7; };

int main(void)
{
    struct flags f = { 1, 5 };
    printf("%u %u\n", f.ready, f.count);
    return 0;
}
