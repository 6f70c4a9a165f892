/* must reject: _Atomic long double (gcc needs libatomic's 16-byte routines for it) */
#include <stdio.h>

int main(void)
{
    _Atomic long double total = 1;
    total += 0.5L;
    printf("%d\n", (int)total);
    return 0;
}
