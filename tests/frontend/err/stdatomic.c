/* must reject: C11 atomics (<stdatomic.h>, _Atomic) are not in the subset; use semaphores */
#include <stdio.h>
#include <stdatomic.h>

int main(void)
{
    _Atomic int counter = 0;
    atomic_fetch_add(&counter, 1);
    printf("%d\n", atomic_load(&counter));
    return 0;
}
