/* printf with widths and precisions past INT_MAX: glibc returns -1 with
 * errno EOVERFLOW and keeps the text made before the bad conversion;
 * large but valid widths are counted (snprintf keeps what fits). Only
 * cases glibc answers at once natively (a field of 2^31 - 1 bytes takes
 * it seconds). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>

int main(void) {
    char buf[16];
    int r;
    errno = 0; r = snprintf(buf, sizeof buf, "%2147483648d", 1); printf("d r=%d errno=%d\n", r, errno);
    errno = 0; r = snprintf(buf, sizeof buf, "abc%2147483648d", 1); printf("d2 r=%d errno=%d buf=%s\n", r, errno, buf);
    errno = 0; r = snprintf(buf, sizeof buf, "%.2147483648d", 1); printf("f r=%d errno=%d\n", r, errno);
    errno = 0; r = snprintf(buf, sizeof buf, "%99999999999999999999d", 1); printf("h r=%d errno=%d\n", r, errno);
    errno = 0; r = snprintf(buf, sizeof buf, "%1000000d|", 1); printf("i r=%d errno=%d buf=%s\n", r, errno, buf);
    errno = 0; r = snprintf(buf, sizeof buf, "%-1000000d|", 42); printf("i2 r=%d errno=%d buf=%s\n", r, errno, buf);
    errno = 0; r = snprintf(buf, sizeof buf, "%.100000000s|", "ab"); printf("k r=%d errno=%d buf=%s\n", r, errno, buf);
    errno = 0; r = snprintf(NULL, 0, "%.1000000d", 5); printf("l r=%d errno=%d\n", r, errno);
    errno = 0; r = printf("abc%2147483648dxyz", 1); printf("|p r=%d errno=%d\n", r, errno);
    errno = 0; r = printf("%.2147483648s|", "ab"); printf("|t r=%d errno=%d\n", r, errno);
    errno = 0; r = fprintf(stdout, "%.*d|", INT_MIN, 1); printf("s r=%d errno=%d\n", r, errno);
    errno = 0; r = printf("%0-2147483648d|", 1); printf("|v r=%d errno=%d\n", r, errno);
    errno = 0; r = printf("%*d|\n", 20, 3); printf("w r=%d errno=%d\n", r, errno);
    return 0;
}
