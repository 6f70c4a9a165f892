/* _Static_assert at file scope and in a block, with and without a
   message (C23 allows leaving it out; gcc accepts it in C11 mode with a
   pedantic warning only). */
#include <limits.h>
#include <stdio.h>

struct record { int id; char tag; };
_Static_assert(sizeof(int) == 4, "int must be 32 bits");
_Static_assert(sizeof(struct record) == 8, "struct record is padded to 8 bytes");

int main(void)
{
    _Static_assert(CHAR_BIT == 8, "bytes of 8 bits");
    _Static_assert(sizeof(long) == sizeof(void *));
    printf("ok\n");
    return 0;
}
