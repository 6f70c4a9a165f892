/* variable-length arrays: sizeof at run time, a parameter a[n] is a pointer, a loop that declares one per iteration (with continue) gives the stack back, a 2-D array whose first dimension varies */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
static int sum(int n, int a[n]) { int s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
int main(int argc, char **argv) {
    int n = argc + 4;
    int a[n];
    printf("sizeof a = %zu\n", sizeof a);
    for (int i = 0; i < n; i++) a[i] = i * i;
    printf("sum %d\n", sum(n, a));
    for (int r = 0; r < 100000; r++) {
        char buf[n * 10];
        memset(buf, 'x', sizeof(buf));
        buf[sizeof(buf) - 1] = 0;
        if (r % 2) continue;
        if (r == 99998) printf("%zu %s\n", strlen(buf), buf + 40);
    }
    int m[n][3];
    for (int i = 0; i < n; i++) for (int j = 0; j < 3; j++) m[i][j] = i + j;
    printf("m %d %zu\n", m[n-1][2], sizeof m);
    
    return 0;
}
