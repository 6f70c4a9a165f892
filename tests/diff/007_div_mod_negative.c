/* pins / and % with negative operands (truncation toward zero) */
#include <stdio.h>
#include <limits.h>

int main(void)
{
    int nums[] = { 7, -7, 7, -7, 0, 1, -1, INT_MAX, INT_MIN };
    int dens[] = { 2, 2, -2, -2, 3, -5, 5, -1, 2 };
    for (int i = 0; i < 9; i++)
        printf("%d / %d = %d, %% = %d\n", nums[i], dens[i], nums[i] / dens[i], nums[i] % dens[i]);

    long ln = -100000000000L;
    printf("%ld / 7 = %ld, %% = %ld\n", ln, ln / 7, ln % 7);
    printf("LONG_MIN / 2 = %ld\n", LONG_MIN / 2);
    printf("LONG_MIN %% 3 = %ld\n", LONG_MIN % 3);

    unsigned int u = 7;
    printf("7u / 2 = %u, 7u %% 3 = %u\n", u / 2, u % 3);
    printf("-7 / 2u = %u\n", -7 / 2u);         /* -7 converted to unsigned */
    int a = -17, b = 5;
    printf("identity: %d\n", (a / b) * b + a % b == a);
    int q = a;
    q /= b;
    int r = a;
    r %= b;
    printf("q=%d r=%d\n", q, r);
    /* floor-mod helper */
    int fm = ((a % b) + b) % b;
    printf("floor mod=%d\n", fm);
    char c = -9;
    printf("char -9 / 4 = %d, %% = %d\n", c / 4, c % 4);
    return 0;
}
