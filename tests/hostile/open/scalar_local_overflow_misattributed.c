/* Writing 5 bytes into a 1-byte local `char one` (sscanf "%5c", also memcpy) is not caught when `one` is alone (see the note below), and in this layout it is caught but blamed on the wrong object: "write of 5 bytes at offset -34 of local array `h`". Expected: an out-of-bounds write diagnostic naming `one`, consistently. Run: ipcsim run scalar_local_overflow_misattributed.c  (without the struct and h, e.g. just `char one; sscanf("abcdef","%5c",&one);`, the run exits 0 silently). */
#include <stdio.h>
struct S { char c; char d[7]; };
int main(void) {
    struct S s = {'x', "......"};
    int r = sscanf("abcdef", "%5c", &s.c);
    printf("%d c=%c d=%s\n", r, s.c, s.d);
    char one;
    r = sscanf("abcdef", "%5c", &one);
    printf("%d one=%c\n", r, one);
    short h[2] = {1, 2};
    r = sscanf("-1", "%lld", (long long*)&h[1]);
    printf("%d h=%d %d\n", r, h[0], h[1]);
    return 0;
}
