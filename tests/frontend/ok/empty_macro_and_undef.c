/* accepts: empty object-like macro, macro used as a statement prefix, #undef of an undefined name, redefinition after #undef */
#include <stdio.h>

#define NOTHING
#define VALUE 1
#undef NEVER_DEFINED
#undef VALUE
#define VALUE 2

int main(void)
{
    NOTHING int x = VALUE NOTHING;
    printf("%d\n", x);
    return 0;
}
