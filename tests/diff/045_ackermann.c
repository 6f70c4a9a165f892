/* pins deep, non-primitive recursion: Ackermann for small arguments and call counting */
#include <stdio.h>

static long calls;

static int ack(int m, int n)
{
    calls++;
    if (m == 0) return n + 1;
    if (n == 0) return ack(m - 1, 1);
    return ack(m - 1, ack(m, n - 1));
}

int main(void)
{
    for (int m = 0; m <= 3; m++) {
        for (int n = 0; n <= 3; n++) {
            calls = 0;
            int r = ack(m, n);
            printf("ack(%d,%d)=%d calls=%ld\n", m, n, r, calls);
        }
    }
    calls = 0;
    int big = ack(2, 10);            /* call first: argument order is unspecified */
    printf("ack(2,10)=%d calls=%ld\n", big, calls);
    return 0;
}
