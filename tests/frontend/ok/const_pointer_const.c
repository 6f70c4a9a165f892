/* accepts: const char *const s, char const *, int *const, const int *const, qualifiers in any order */
#include <stdio.h>

int main(void)
{
    const char *const s = "fixed";
    char const *t = s;
    int v = 4;
    int *const pv = &v;
    const int *const cpv = &v;
    int const volatile cv = 9;
    *pv = 5;
    printf("%s %s %d %d\n", s, t + 1, *cpv, cv);
    return 0;
}
