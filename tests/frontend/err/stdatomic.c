/* must reject: the `_Atomic` qualifier is not in the subset (<stdatomic.h>'s functions on its atomic_* types are) */
#include <stdio.h>
#include <stdatomic.h>

int main(void)
{
    _Atomic int counter = 0;
    atomic_fetch_add(&counter, 1);
    printf("%d\n", atomic_load(&counter));
    return 0;
}
