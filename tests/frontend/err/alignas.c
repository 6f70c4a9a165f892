/* must reject: `_Alignas` (and <stdalign.h>'s `alignas`) change a struct's layout, which ipcsim lays out as gcc does without them */
#include <stdalign.h>
#include <stdio.h>

struct slot {
    alignas(16) char tag;
    _Alignas(double) int n;
};

int main(void)
{
    printf("%zu\n", sizeof(struct slot));
    return 0;
}
