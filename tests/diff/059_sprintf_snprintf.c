/* pins sprintf/snprintf return values, truncation, size 0, NUL termination, building strings incrementally */
#include <stdio.h>
#include <string.h>

/* helpers keep the sizes opaque to gcc's -Wformat-truncation */
int put_str(char *dst, size_t cap, const char *s) { return snprintf(dst, cap, "%s", s); }
int put_num(char *dst, size_t cap, long v) { return snprintf(dst, cap, "%ld", v); }

int main(void)
{
    char buf[64];
    int n = sprintf(buf, "%d-%s-%c", 123, "abc", 'z');
    printf("sprintf n=%d buf=%s strlen=%zu\n", n, buf, strlen(buf));
    char small[8];
    memset(small, 'X', sizeof small);
    n = put_str(small, sizeof small, "hello world");
    printf("snprintf n=%d small=%s last=%d\n", n, small, small[7]);
    n = put_num(small, 5, 1234567);
    printf("n=%d small=%s\n", n, small);
    n = snprintf(NULL, 0, "%ld and %s", 1234567890L, "more");
    printf("measure n=%d\n", n);
    memset(small, 'Y', sizeof small);
    n = snprintf(small, 0, "abc");
    printf("size0 n=%d untouched=%c\n", n, small[0]);
    n = put_str(small, 1, "abc");
    printf("size1 n=%d empty=%d\n", n, small[0] == '\0');
    int pos = 0;
    for (int i = 0; i < 5; i++) pos += sprintf(buf + pos, "%d,", i * i);
    buf[pos - 1] = '\0';
    printf("built=%s pos=%d\n", buf, pos);
    char out[16];
    pos = 0;
    for (int i = 0; i < 10; i++) {
        int w = snprintf(out + pos, sizeof out - (size_t)pos, "[%d]", i);
        if (w >= (int)(sizeof out) - pos) { printf("stopped at i=%d w=%d\n", i, w); break; }
        pos += w;
    }
    printf("out=%s\n", out);
    n = sprintf(buf, "%5s|%-5s|%05d", "ab", "cd", 42);
    printf("%s (%d)\n", buf, n);
    n = sprintf(buf, "%c%c%c", 'a', 0, 'b');        /* embedded NUL counts */
    printf("n=%d strlen=%zu buf[2]=%c\n", n, strlen(buf), buf[2]);
    n = sprintf(buf, "%s", "");
    printf("empty n=%d\n", n);
    n = snprintf(buf, sizeof buf, "%%%d%%", 50);
    printf("%s n=%d\n", buf, n);
    return 0;
}
