/* accepts: #ifdef / #ifndef / #else / #endif, nested conditionals, #undef then #ifdef, #if 1 */
#include <stdio.h>

#define FEATURE
#ifdef FEATURE
#  ifndef LEVEL
#    define LEVEL 2
#  endif
#else
#  define LEVEL 0
#endif
#undef FEATURE

int main(void)
{
#ifdef FEATURE
    printf("feature still on\n");
#else
    printf("level %d\n", LEVEL);
#endif
#if 1
    return 0;
#endif
}
