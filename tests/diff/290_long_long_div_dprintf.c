#include <stdio.h>
#include <stdlib.h>
#include <inttypes.h>
#include <unistd.h>
int main(void) {
    div_t d = div(17, 5);
    ldiv_t l = ldiv(-17L, 5L);
    lldiv_t ll = lldiv(1000000000000LL, 7LL);
    printf("%d %d | %ld %ld | %lld %lld\n", d.quot, d.rem, l.quot, l.rem, ll.quot, ll.rem);
    printf("%lld %llu %lld %lld\n", strtoll("-9223372036854775808", NULL, 10), strtoull("ffffffffffffffff", NULL, 16), atoll("  42x"), llabs(-5LL));
    char *end;
    intmax_t m = strtoimax("0x1f rest", &end, 0);
    printf("%jd [%s] %jd\n", m, end, imaxabs(-3));
    fflush(stdout);
    int n = dprintf(1, "dprintf %s %5.2f %d\n", "to fd 1", 3.14159, 42);
    dprintf(2, "err %d\n", n);
    return 0;
}
