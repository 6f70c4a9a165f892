/* must reject: wide string literal L"..." (wchar_t) is not in the subset */
#include <stdio.h>
#include <stddef.h>

int main(void)
{
    const int *w = (const int *)L"wide";
    printf("%d\n", w[0]);
    return 0;
}
