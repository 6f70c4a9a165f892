/* must reject: the `_Atomic` forms gcc makes with a lock or a compare-exchange loop (an atomic struct; `*=` and `/=` on an atomic integer, `+=` on an atomic double, `++` on an atomic _Bool, through pointers as shared objects are reached) */
#include <stdatomic.h>

struct pair { int a, b; };

int scale(atomic_int *n, _Atomic double *d, atomic_bool *b)
{
    _Atomic struct pair p;
    *n *= 2;
    *n /= 2;
    *d += 1.0;
    (*b)++;
    return *n;
}
