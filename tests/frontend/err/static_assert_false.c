/* must reject, as gcc does: a _Static_assert whose condition is 0 */
#include <stdio.h>

struct record { int id; char tag; };
_Static_assert(sizeof(struct record) == 5, "no padding in struct record");

int main(void)
{
    printf("ok\n");
    return 0;
}
