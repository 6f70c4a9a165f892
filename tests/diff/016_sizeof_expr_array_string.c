/* pins sizeof of expressions (unevaluated), arrays, string literals, array params */
#include <stdio.h>

static size_t param_size(int *a) { return sizeof a + sizeof *a; }

int main(void)
{
    int arr[10];
    char str[] = "hello";
    char buf[32] = "hi";
    const char *p = "hello";
    int x = 5;
    printf("arr=%zu elems=%zu\n", sizeof arr, sizeof arr / sizeof *arr);
    printf("str=%zu buf=%zu p=%zu\n", sizeof str, sizeof buf, sizeof p);
    printf("literal=%zu empty=%zu\n", sizeof "hello", sizeof "");
    printf("concat=%zu\n", sizeof "ab" "cde");
    printf("escape=%zu\n", sizeof "a\0b\n");
    printf("param=%zu\n", param_size(arr));
    size_t s = sizeof(x++);              /* not evaluated */
    printf("s=%zu x=%d\n", s, x);
    printf("sizeof(x+1L)=%zu sizeof(x==1)=%zu\n", sizeof(x + 1L), sizeof(x == 1));
    printf("sizeof *p=%zu sizeof &arr=%zu sizeof arr[0]=%zu\n", sizeof *p, sizeof &arr, sizeof arr[0]);
    int m[3][5];
    printf("m=%zu m[0]=%zu m[0][0]=%zu rows=%zu\n", sizeof m, sizeof m[0], sizeof m[0][0], sizeof m / sizeof m[0]);
    struct { int a; char b; } st;
    printf("st=%zu sizeof st.b=%zu\n", sizeof st, sizeof st.b);
    printf("sizeof((char)300)=%zu\n", sizeof((char)300));
    printf("sizeof(int) * 2 = %zu\n", sizeof(int) * 2);
    (void)arr; (void)m; (void)st;
    return 0;
}
