/* pins strlen, strcpy, strcat: return values (dest), empty strings, building and chaining */
#include <stdio.h>
#include <string.h>

int main(void)
{
    printf("strlen: %zu %zu %zu %zu\n", strlen(""), strlen("a"), strlen("hello world"), strlen("ab\0cd"));
    char buf[64];
    char *r = strcpy(buf, "base");
    printf("strcpy returns dest: %d buf=%s\n", r == buf, buf);
    r = strcat(buf, "-ext");
    printf("strcat returns dest: %d buf=%s len=%zu\n", r == buf, buf, strlen(buf));
    strcat(buf, "");
    strcat(strcat(buf, "/"), "more");
    printf("chained: %s\n", buf);
    strcpy(buf, "");
    printf("emptied: [%s] len=%zu\n", buf, strlen(buf));
    for (int i = 0; i < 5; i++) strcat(buf, "ab");
    printf("repeated: %s len=%zu\n", buf, strlen(buf));
    strcpy(buf + 4, "XY");
    printf("mid copy: %s\n", buf);
    char src[] = "overlap-free";
    char dst[sizeof src];
    strcpy(dst, src);
    dst[0] = 'O';
    printf("%s %s\n", src, dst);
    char path[32] = "/tmp";
    const char *parts[] = { "a", "bb", "ccc" };
    for (int i = 0; i < 3; i++) { strcat(path, "/"); strcat(path, parts[i]); }
    printf("path=%s len=%zu\n", path, strlen(path));
    char bytes[] = "\xff\x80z";
    printf("high bytes len=%zu\n", strlen(bytes));
    return 0;
}
