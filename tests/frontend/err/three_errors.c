/* must report all three: undeclared `missing` (line 6), no member `depth` in struct box (line 11), assignment to const `k` (line 13) */
#include <stdio.h>

struct box { int width; };

static int first(void) { return missing + 1; }

int main(void)
{
    struct box b = { 2 };
    const int k = b.depth;
    printf("%d\n", first());
    k = 3;
    return 0;
}
