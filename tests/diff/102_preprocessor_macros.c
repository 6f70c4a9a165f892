/* pins object and function-like macros, nested macro calls, #undef, #ifdef/#ifndef/#if 0/#else, line continuations */
#include <stdio.h>

#define SIZE 4
#define SQUARE(x) ((x) * (x))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MIN3(a, b, c) MIN(MIN(a, b), c)
#define BAD_SQUARE(x) x * x
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define SWAP(T, a, b) do { T tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define MULTI_LINE(a, b) \
    ((a) * 100 + \
     (b))
#define EMPTY
#define GREETING "hello, " \
                 "macro"

static int add(int a, int b) { return a + b; }

int main(void)
{
    int arr[SIZE * 2] = { 0 };
    printf("SIZE=%d len=%zu\n", SIZE, ARRAY_LEN(arr));
    printf("SQUARE(3+1)=%d BAD_SQUARE(3+1)=%d\n", SQUARE(3 + 1), BAD_SQUARE(3 + 1));
    printf("MAX(3,7)=%d MAX(SQUARE(3),8)=%d\n", MAX(3, 7), MAX(SQUARE(3), 8));
    printf("MIN3=%d\n", MIN3(5, 2, 9));
    printf("comma inside parens in arg: %d\n", MAX(add(1, 2), (3 > 2 ? add(0, 1) : 9)));
    int x = 1, y = 2;
    SWAP(int, x, y);
    printf("x=%d y=%d\n", x, y);
    printf("MULTI_LINE=%d %s\n", MULTI_LINE(3, 4), GREETING);
    EMPTY printf("EMPTY expands to nothing\n");
#undef SIZE
#define SIZE 10
    printf("redefined SIZE=%d\n", SIZE);
#ifdef SIZE
    printf("SIZE defined\n");
#else
    printf("SIZE not defined\n");
#endif
#ifndef NOT_DEFINED_ANYWHERE
    printf("ifndef taken\n");
#endif
#if 0
    this is not C at all ( { [
#else
    printf("#if 0 else branch\n");
#endif
#if 1
    printf("#if 1 taken\n");
#endif
    return 0;
}
